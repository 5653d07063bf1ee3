using CounterApp.Card.Apdu;

namespace CounterApp.Card.Client;

public enum CredentialOutcome
{
    /// <summary>The value was right.</summary>
    Verified,

    /// <summary>Answer to a status query: the credential is set and not locked; <see cref="CredentialStatus.TriesLeft"/> tries remain.</summary>
    Available,

    /// <summary>The value was wrong; <see cref="CredentialStatus.TriesLeft"/> tries remain.</summary>
    Wrong,

    /// <summary>No tries left: the credential is locked until the counter resets it (R-CA-01, R-CA-03).</summary>
    Blocked,

    /// <summary>The credential has no value yet (a card before issuance has no password).</summary>
    NotSet,
}

/// <summary>The result of VERIFY, read from the card's status word; never carries the value itself.</summary>
public readonly record struct CredentialStatus(CredentialOutcome Outcome, int TriesLeft)
{
    public bool IsVerified => Outcome == CredentialOutcome.Verified;

    public bool IsBlocked => Outcome == CredentialOutcome.Blocked;

    /// <summary>Reads the status word of a VERIFY with a value; null when it is not a credential answer.</summary>
    internal static CredentialStatus? FromVerify(StatusWord sw, int maxTries) => sw switch
    {
        { IsSuccess: true } => new(CredentialOutcome.Verified, maxTries),
        { TriesLeft: 0 } => new(CredentialOutcome.Blocked, 0),
        { TriesLeft: { } left } => new(CredentialOutcome.Wrong, left),
        _ when sw == StatusWord.AuthenticationMethodBlocked => new(CredentialOutcome.Blocked, 0),
        _ when sw == StatusWord.ReferenceDataNotUsable => new(CredentialOutcome.NotSet, 0),
        _ => null,
    };

    /// <summary>Reads the answer to VERIFY without data (63 Cx); null when it is not a credential answer.</summary>
    internal static CredentialStatus? FromQuery(StatusWord sw) => sw switch
    {
        { TriesLeft: 0 } => new(CredentialOutcome.Blocked, 0),
        { TriesLeft: { } left } => new(CredentialOutcome.Available, left),
        _ when sw == StatusWord.AuthenticationMethodBlocked => new(CredentialOutcome.Blocked, 0),
        _ when sw == StatusWord.ReferenceDataNotUsable => new(CredentialOutcome.NotSet, 0),
        _ => null,
    };
}
