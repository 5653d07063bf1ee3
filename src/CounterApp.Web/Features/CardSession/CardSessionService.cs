using System.Formats.Asn1;
using System.Security.Cryptography;
using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.Domain.Credentials;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Issuance;
using CounterApp.Pki.Profile;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.CardSession;

/// <summary>
/// Runs the counter's card procedures on a resident card (issue #5, R-CE-01/03/05, R-CA-01..03): issuance, unlock,
/// password change and card PIN reset, each step audited (R-X-01). PINs and passwords come in as char arrays that are
/// zeroed before the method returns; they are never logged, stored, put in an exception or an audit detail (R-X-02).
/// A certificate the CA issued that never reached the card is revoked at once (cessationOfOperation, R-CE-01).
/// Every procedure first checks that the card in the reader is the resident's card in force (R-CA-04).
/// </summary>
public sealed partial class CardSessionService(
    CounterDbContext db, AuditTrail audit, PrefecturalCa ca, CertificateRegister register, IssuerMasterSecret masterSecret, RealClock time, CrashPoints crash,
    ILogger<CardSessionService> logger)
{
    private string? _residentCode;

    /// <summary>
    /// Issues the signing certificate onto the card: PIN, issuer auth, key, CA, write, password. Each step is reported
    /// to <paramref name="progress"/> (if given) as it starts, for the clerk's live progress indicator. With
    /// milestones (an application's issuance, the overload below) every milestone is recorded before the next step runs
    /// and the CA signs under the recorded request id (R-CE-09); the caller resolves a cut session. Without, the session
    /// stands alone: it links the certificate itself and revokes one that never reached the card (R-CE-01).
    /// </summary>
    public Task<CardSessionResult> IssueAsync(
        ISmartCardConnection connection, CardSessionContext context, char[] cardPin, char[] password, IProgress<CardSessionStep>? progress = null,
        CancellationToken cancellationToken = default) =>
        IssueAsync(connection, context, cardPin, password, null, progress, cancellationToken);

    /// <summary>As above, recording each milestone through <paramref name="milestones"/> (an application's issuance).</summary>
    public async Task<CardSessionResult> IssueAsync(
        ISmartCardConnection connection, CardSessionContext context, char[] cardPin, char[] password, IIssuanceMilestones? milestones,
        IProgress<CardSessionStep>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            ArgumentNullException.ThrowIfNull(cardPin);
            ArgumentNullException.ThrowIfNull(password);
            progress?.Report(CardSessionStep.ValidateInput);
            if (!IsCardPin(cardPin))
            {
                return await RefuseInputAsync(context, "certificate.issuance", "InvalidCardPin", cancellationToken);
            }

            if (!IsPassword(password))
            {
                return await RefuseInputAsync(context, "certificate.issuance", "InvalidPassword", cancellationToken);
            }

            var card = context.Card;
            var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == card.ResidentId, cancellationToken);
            var municipality = await db.Offices.AsNoTracking().OrderBy(o => o.Id).Select(o => o.MunicipalityName).FirstAsync(cancellationToken);
            var record = milestones ?? new StandaloneIssuance(db, context);
            var client = new ResidentCardClient(connection);
            var step = CardSessionStep.SelectApplication;
            progress?.Report(step);
            IssuedCertificate? issued = null;
            var onCard = false;
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await client.SelectApplicationAsync(cancellationToken);
                if (await RefuseOtherCardAsync(client, context, "certificate.issuance", cancellationToken) is { } otherCard)
                {
                    return otherCard;
                }

                step = CardSessionStep.VerifyCardPin;
                progress?.Report(step);
                var pinStatus = await client.VerifyCardPinAsync(cardPin.AsMemory(), cancellationToken);
                if (!pinStatus.IsVerified)
                {
                    return await CredentialRefusedAsync(context, "card.pin-verified", step, pinStatus, "WrongCardPin", "CardPinBlocked", cancellationToken);
                }

                await AuditAsync(context, "card.pin-verified", AuditOutcomes.Succeeded, null, cancellationToken);
                await crash.ReachedAsync(CrashPoint.PinVerified);

                step = CardSessionStep.AuthenticateIssuer;
                progress?.Report(step);
                await AuthenticateIssuerAsync(client, cancellationToken);

                step = CardSessionStep.GenerateKey;
                progress?.Report(step);
                var publicKey = await client.GenerateKeyPairAsync(cancellationToken);
                await AuditAsync(context, "card.key-generated", AuditOutcomes.Succeeded, null, cancellationToken);
                await crash.ReachedAsync(CrashPoint.KeyGenerated);
                var subjectPublicKeyInfo = publicKey.ToSubjectPublicKeyInfo();
                var requestId = await record.KeyGeneratedAsync(subjectPublicKeyInfo, cancellationToken);
                await crash.ReachedAsync(CrashPoint.IntentRecorded);

                step = CardSessionStep.IssueCertificate;
                progress?.Report(step);
                issued = ca.Authority.Issue(
                    CertificateSubject.From(resident.ToDomain(), municipality),
                    SubscriberKey.FromSubjectPublicKeyInfo(subjectPublicKeyInfo),
                    card.ToDomain(resident.ResidentCode),
                    requestId);
                await crash.ReachedAsync(CrashPoint.CaSigned);
                var serial = issued.Serial.Hex;
                await record.SignedAsync(issued, cancellationToken);
                if (milestones is null)
                {
                    // An application's recorder audits its milestones in the transaction that records them.
                    await AuditAsync(context, "certificate.issued", AuditOutcomes.Succeeded,
                        Details(("serial", serial), ("expiresOn", issued.Validity.ExpiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), cancellationToken);
                }

                step = CardSessionStep.WriteCertificate;
                progress?.Report(step);
                await client.WriteSigningCertificateAsync(issued.Certificate.RawData, cancellationToken);
                await client.WriteCaCertificateAsync(ca.CertificateDer, cancellationToken);
                onCard = true;
                await crash.ReachedAsync(CrashPoint.CardWritten);
                await record.WrittenAsync(serial, cancellationToken);
                if (milestones is null)
                {
                    await AuditAsync(context, "card.certificate-written", AuditOutcomes.Succeeded, Details(("serial", serial)), cancellationToken);
                }

                step = CardSessionStep.SetPassword;
                progress?.Report(step);
                await client.SetInitialPasswordAsync(password.AsMemory(), cancellationToken);
                await crash.ReachedAsync(CrashPoint.PasswordSet);
                await record.PasswordSetAsync(serial, cancellationToken);
                if (milestones is null)
                {
                    await AuditAsync(context, "card.password-set", AuditOutcomes.Succeeded, Details(("serial", serial)), cancellationToken);
                }
                LogIssued(logger, serial, card.Id);
                return CardSessionResult.Success(CardSessionMessages.Get("Issued")) with { CertificateSerial = serial };
            }
            catch (Exception error) when (IsSessionFailure(error))
            {
                var serial = issued?.Serial.Hex;
                var revoked = false;
                if (issued is not null && !onCard && milestones is null)
                {
                    revoked = await RevokeUnwrittenAsync(context, issued);
                }

                var failureAction = ActionOf(step);
                await AuditFailureAsync(context, failureAction, step, error, serial, revoked);
                LogStepFailed(logger, step, card.Id, error.GetType().Name);
                var message = CardSessionMessages.Get($"Failed_{step}") + " " + CardSessionMessages.Get(CauseOf(error))
                    + (revoked ? " " + CardSessionMessages.Get("CertificateRevoked") : "");
                return new CardSessionResult
                {
                    FailedStep = step,
                    Message = message,
                    CertificateSerial = serial,
                    CertificateRevoked = revoked,
                    ReachedCard = onCard,
                };
            }
            finally
            {
                issued?.Dispose();
            }
        }
        finally
        {
            Wipe(cardPin);
            Wipe(password);
        }
    }

    /// <summary>R-CA-01: unlocks a locked certificate by setting a new password (unlocking resets the password).</summary>
    public async Task<CardSessionResult> UnlockAsync(
        ISmartCardConnection connection, CardSessionContext context, char[] newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            ArgumentNullException.ThrowIfNull(newPassword);
            if (!IsPassword(newPassword))
            {
                return await RefuseInputAsync(context, "card.password-unlocked", "InvalidPassword", cancellationToken);
            }

            return await RunIssuerStepAsync(connection, context, CardSessionStep.UnlockPassword, "card.password-unlocked", "Unlocked",
                client => client.UnlockPasswordAsync(newPassword.AsMemory(), cancellationToken), unlocks: true, cancellationToken);
        }
        finally
        {
            Wipe(newPassword);
        }
    }

    /// <summary>R-CA-03: sets a new 4-digit card PIN (暗証番号の再設定), also when the old one is blocked.</summary>
    public async Task<CardSessionResult> ResetCardPinAsync(
        ISmartCardConnection connection, CardSessionContext context, char[] newCardPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            ArgumentNullException.ThrowIfNull(newCardPin);
            if (!IsCardPin(newCardPin))
            {
                return await RefuseInputAsync(context, "card.pin-reset", "InvalidCardPin", cancellationToken);
            }

            return await RunIssuerStepAsync(connection, context, CardSessionStep.ResetCardPin, "card.pin-reset", "CardPinReset",
                client => client.ResetCardPinAsync(newCardPin.AsMemory(), cancellationToken), unlocks: false, cancellationToken);
        }
        finally
        {
            Wipe(newCardPin);
        }
    }

    /// <summary>R-CA-02: the resident changes the password after entering the current one (tries left on a wrong one).</summary>
    public async Task<CardSessionResult> ChangePasswordAsync(
        ISmartCardConnection connection, CardSessionContext context, char[] currentPassword, char[] newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        const string action = "card.password-changed";
        try
        {
            ArgumentNullException.ThrowIfNull(currentPassword);
            ArgumentNullException.ThrowIfNull(newPassword);
            if (!IsPassword(newPassword))
            {
                return await RefuseInputAsync(context, action, "InvalidPassword", cancellationToken);
            }

            var step = CardSessionStep.ChangePassword;
            try
            {
                var client = new ResidentCardClient(connection);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (await RefuseOtherCardAsync(client, context, action, cancellationToken) is { } otherCard)
                {
                    return otherCard;
                }

                var status = await client.ChangePasswordAsync(currentPassword.AsMemory(), newPassword.AsMemory(), cancellationToken);
                if (!status.IsVerified)
                {
                    return await CredentialRefusedAsync(context, action, step, status, "WrongPassword", "PasswordBlocked", cancellationToken);
                }

                await AuditAsync(context, action, AuditOutcomes.Succeeded, null, cancellationToken);
                return CardSessionResult.Success(CardSessionMessages.Get("PasswordChanged"));
            }
            catch (Exception error) when (IsSessionFailure(error))
            {
                return await FailAsync(context, action, step, error);
            }
        }
        finally
        {
            Wipe(currentPassword);
            Wipe(newPassword);
        }
    }

    private async Task<CardSessionResult> RunIssuerStepAsync(
        ISmartCardConnection connection, CardSessionContext context, CardSessionStep mainStep, string action, string successMessage,
        Func<ResidentCardClient, Task> run, bool unlocks, CancellationToken cancellationToken)
    {
        var step = CardSessionStep.SelectApplication;
        try
        {
            var client = new ResidentCardClient(connection);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await client.SelectApplicationAsync(cancellationToken);
            if (await RefuseOtherCardAsync(client, context, action, cancellationToken) is { } otherCard)
            {
                return otherCard;
            }

            step = CardSessionStep.AuthenticateIssuer;
            await AuthenticateIssuerAsync(client, cancellationToken);
            step = mainStep;
            await run(client);
            if (unlocks)
            {
                var locked = await db.Certificates
                    .Where(c => c.CardId == context.Card.Id && c.IsLocked)
                    .ToListAsync(cancellationToken);
                locked.ForEach(c => c.IsLocked = false);
                await db.SaveChangesAsync(cancellationToken);
            }

            await AuditAsync(context, action, AuditOutcomes.Succeeded, null, cancellationToken);
            return CardSessionResult.Success(CardSessionMessages.Get(successMessage));
        }
        catch (Exception error) when (IsSessionFailure(error))
        {
            return await FailAsync(context, action, step, error);
        }
    }

    /// <summary>
    /// R-CA-04: the card in the reader must be the resident's card in force, known by the chip serial the register
    /// states for it. Reads the chip's serial (EF 0006) and, when it is another card (or the register has no chip
    /// serial for this one), audits the refusal and returns it; nothing has been written to the card and the CA has
    /// not been asked. Null when it is the resident's card. The message names the card in the reader by its chip
    /// serial and, when the register knows that chip, its card number (never whose card it is).
    /// </summary>
    private async Task<CardSessionResult?> RefuseOtherCardAsync(
        ResidentCardClient client, CardSessionContext context, string action, CancellationToken cancellationToken)
    {
        var inReader = await client.ReadSerialAsync(cancellationToken);
        var expected = context.Card.ChipSerial;
        if (expected is not null && string.Equals(inReader, expected, StringComparison.Ordinal))
        {
            return null;
        }

        var readerCardNumber = await db.ResidentCards.AsNoTracking()
            .Where(c => c.ChipSerial == inReader).Select(c => c.CardNumber).FirstOrDefaultAsync(cancellationToken);
        await AuditAsync(context, action, AuditOutcomes.Refused,
            Details(("step", nameof(CardSessionStep.CheckCardOwner)), ("rule", "R-CA-04"), ("chipSerial", inReader),
                ("expectedChipSerial", expected), ("readerCardNumber", readerCardNumber)),
            cancellationToken);
        LogOtherCard(logger, context.Card.Id, inReader);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var message = expected is null ? string.Format(culture, CardSessionMessages.Get("ChipSerialNotInRegister"), inReader)
            : readerCardNumber is null ? string.Format(culture, CardSessionMessages.Get("OtherCard"), inReader)
            : string.Format(culture, CardSessionMessages.Get("OtherCardKnown"), inReader, readerCardNumber);
        return new CardSessionResult { FailedStep = CardSessionStep.CheckCardOwner, Message = message };
    }

    private async Task AuthenticateIssuerAsync(ResidentCardClient client, CancellationToken cancellationToken)
    {
        var secret = masterSecret.Read();
        try
        {
            await client.AuthenticateIssuerAsync(secret, cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    // The certificate register revokes in the CA (OCSP at once, the next CRL; the counter's pages read the same row) and
    // audits; the counter's row, if saved, stays as the link to the card and application.
    private async Task<bool> RevokeUnwrittenAsync(CardSessionContext context, IssuedCertificate issued)
    {
        var order = RevocationTriggers.ForUnwrittenCertificate(issued.Serial.Hex, time.GetUtcNow());
        try
        {
            var done = await register.RevokeAsync(order, await AuditEventAsync(context, "certificate.revoked", AuditOutcomes.Succeeded, null, CancellationToken.None), CancellationToken.None);
            LogRevoked(logger, order.Serial);
            return done.IsRevoked;
        }
        catch (Exception error) when (error is DbUpdateException or InvalidOperationException or ArgumentException or CryptographicException or IOException)
        {
            LogRevocationFailed(logger, order.Serial, error);
            await AuditAsync(context, "certificate.revoked", AuditOutcomes.Failed,
                Details(("serial", order.Serial), ("rule", order.RuleId), ("cause", order.Cause), ("error", error.GetType().Name)), CancellationToken.None);
            return false;
        }
    }

    /// <summary>A card session with no application behind it (a bench or an operator's tool): it links the certificate itself.</summary>
    private sealed class StandaloneIssuance(CounterDbContext db, CardSessionContext context) : IIssuanceMilestones
    {
        public Task<Guid> KeyGeneratedAsync(ReadOnlyMemory<byte> subjectPublicKeyInfo, CancellationToken cancellationToken) => Task.FromResult(Guid.NewGuid());

        public async Task SignedAsync(IssuedCertificate issued, CancellationToken cancellationToken)
        {
            db.Certificates.Add(CertificateLink.For(issued, context.Card, context.ApplicationId));
            await db.SaveChangesAsync(cancellationToken);
        }

        public Task WrittenAsync(string serial, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PasswordSetAsync(string serial, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private async Task<CardSessionResult> CredentialRefusedAsync(
        CardSessionContext context, string action, CardSessionStep step, CredentialStatus status, string wrongMessage, string blockedMessage, CancellationToken cancellationToken)
    {
        var tries = status.TriesLeft;
        await AuditAsync(context, action, AuditOutcomes.Refused,
            Details(("step", step.ToString()), ("result", status.Outcome.ToString()), ("triesLeft", tries.ToString(System.Globalization.CultureInfo.InvariantCulture))), cancellationToken);
        var message = status.Outcome switch
        {
            CredentialOutcome.Blocked => CardSessionMessages.Get(blockedMessage),
            CredentialOutcome.NotSet => CardSessionMessages.Get("CredentialNotSet"),
            _ => string.Format(System.Globalization.CultureInfo.CurrentCulture, CardSessionMessages.Get(wrongMessage), tries),
        };
        return new CardSessionResult { FailedStep = step, Message = message, TriesLeft = tries };
    }

    private async Task<CardSessionResult> RefuseInputAsync(CardSessionContext context, string action, string messageName, CancellationToken cancellationToken)
    {
        await AuditAsync(context, action, AuditOutcomes.Refused, Details(("step", nameof(CardSessionStep.ValidateInput)), ("rule", messageName)), cancellationToken);
        return new CardSessionResult { FailedStep = CardSessionStep.ValidateInput, Message = CardSessionMessages.Get(messageName) };
    }

    private async Task<CardSessionResult> FailAsync(CardSessionContext context, string action, CardSessionStep step, Exception error)
    {
        await AuditFailureAsync(context, action, step, error, null, false);
        LogStepFailed(logger, step, context.Card.Id, error.GetType().Name);
        return new CardSessionResult { FailedStep = step, Message = CardSessionMessages.Get($"Failed_{step}") + " " + CardSessionMessages.Get(CauseOf(error)) };
    }

    private Task AuditFailureAsync(CardSessionContext context, string action, CardSessionStep step, Exception error, string? serial, bool revoked)
    {
        var details = new Dictionary<string, string?>
        {
            ["step"] = step.ToString(),
            ["error"] = error.GetType().Name,
            ["cause"] = CauseOf(error),
        };
        if (error is CardCommandException { Step.Length: > 0 } command)
        {
            details["statusWord"] = command.StatusWord.ToString();
        }

        if (serial is not null)
        {
            details["serial"] = serial;
            details["revoked"] = revoked ? "true" : "false";
        }

        // The session's token may be what failed: the failure is recorded regardless.
        return AuditAsync(context, action, AuditOutcomes.Failed, details, CancellationToken.None);
    }

    private async Task AuditAsync(CardSessionContext context, string action, string outcome, IReadOnlyDictionary<string, string?>? details, CancellationToken cancellationToken) =>
        await audit.AppendAsync(await AuditEventAsync(context, action, outcome, details, cancellationToken), cancellationToken);

    private async Task<AuditEvent> AuditEventAsync(CardSessionContext context, string action, string outcome, IReadOnlyDictionary<string, string?>? details, CancellationToken cancellationToken)
    {
        _residentCode ??= context.Card.Resident?.ResidentCode
            ?? await db.Residents.AsNoTracking().Where(r => r.Id == context.Card.ResidentId).Select(r => r.ResidentCode).FirstOrDefaultAsync(cancellationToken);
        var all = new Dictionary<string, string?>(details ?? new Dictionary<string, string?>())
        {
            ["cardId"] = context.Card.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (context.ApplicationId is { } application)
        {
            all["applicationId"] = application.ToString();
        }

        return new AuditEvent
        {
            Actor = context.Actor,
            Counter = context.Counter,
            ResidentCode = _residentCode,
            Action = action,
            Outcome = outcome,
            Details = all,
        };
    }

    private static Dictionary<string, string?> Details(params (string Key, string? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private static string ActionOf(CardSessionStep step) => step switch
    {
        CardSessionStep.VerifyCardPin or CardSessionStep.SelectApplication => "card.pin-verified",
        CardSessionStep.AuthenticateIssuer or CardSessionStep.GenerateKey => "card.key-generated",
        CardSessionStep.IssueCertificate => "certificate.issued",
        CardSessionStep.WriteCertificate => "card.certificate-written",
        _ => "card.password-set",
    };

    private static string CauseOf(Exception error) => error switch
    {
        CardRemovedException => "Cause_CardRemoved",
        CardResetException => "Cause_CardReset",
        OperationCanceledException or TimeoutException => "Cause_TimedOut",
        CardCommandException => "Cause_CardRefused",
        IOException => "Cause_Disconnected",
        _ => "Cause_Other",
    };

    // What a card session survives as a failed step; anything else is a defect and propagates.
    private static bool IsSessionFailure(Exception error) =>
        error is IOException or CardCommandException or OperationCanceledException or TimeoutException
            or AsnContentException or CryptographicException or ArgumentException or CertificateRequestRejectedException or DbUpdateException
            or MilestoneNotRecordedException;

    private static bool IsCardPin(char[] pin) => CardPinFormatRule.IsValid(pin);

    private static bool IsPassword(char[] password) => PasswordFormatRule.IsValid(password);

    private static void Wipe(char[]? secret)
    {
        if (secret is not null)
        {
            Array.Clear(secret);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate {Serial} issued onto card {CardId}")]
    private static partial void LogIssued(ILogger logger, string serial, long cardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card {CardId}'s operation refused: the card in the reader has chip serial {ChipSerial}, not the register's (R-CA-04)")]
    private static partial void LogOtherCard(ILogger logger, long cardId, string chipSerial);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card session step {Step} failed on card {CardId}: {ErrorType}")]
    private static partial void LogStepFailed(ILogger logger, CardSessionStep step, long cardId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate {Serial} never reached the card and was revoked (cessationOfOperation, R-CE-01)")]
    private static partial void LogRevoked(ILogger logger, string serial);

    [LoggerMessage(Level = LogLevel.Error, Message = "Certificate {Serial} never reached the card and could NOT be revoked; revoke it by hand")]
    private static partial void LogRevocationFailed(ILogger logger, string serial, Exception error);
}
