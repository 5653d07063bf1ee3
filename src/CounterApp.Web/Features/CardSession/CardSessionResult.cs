namespace CounterApp.Web.Features.CardSession;

/// <summary>The steps of the card procedures; a failed result names the one that failed.</summary>
public enum CardSessionStep
{
    ValidateInput,
    SelectApplication,

    /// <summary>R-CA-04: the card in the reader is not the resident's card in force (its chip serial differs).</summary>
    CheckCardOwner,
    VerifyCardPin,
    AuthenticateIssuer,
    GenerateKey,
    IssueCertificate,
    WriteCertificate,
    SetPassword,
    UnlockPassword,
    ChangePassword,
    ResetCardPin,
}

/// <summary>Who runs the procedure, where, on which card (and, for issuance, for which application).</summary>
public sealed record CardSessionContext(string Actor, string? Counter, Data.Entities.ResidentCardRecord Card, Guid? ApplicationId = null);

/// <summary>
/// How a card procedure ended. Never carries a PIN or password. <see cref="Message"/> is the clerk's text (Japanese by
/// default, from <see cref="CardSessionMessages"/>); <see cref="TriesLeft"/> is set after a wrong PIN or password.
/// </summary>
public sealed record CardSessionResult
{
    public bool Succeeded => FailedStep is null;

    public CardSessionStep? FailedStep { get; init; }

    public string? Message { get; init; }

    public int? TriesLeft { get; init; }

    /// <summary>Serial of the certificate issued in this session (upper-case hex), if the CA issued one.</summary>
    public string? CertificateSerial { get; init; }

    /// <summary>True when the certificate was written to the card before the session was cut.</summary>
    public bool ReachedCard { get; init; }

    /// <summary>True when the issued certificate never reached the card and was revoked at once (R-CE-01).</summary>
    public bool CertificateRevoked { get; init; }

    public static CardSessionResult Success(string message) => new() { Message = message };
}
