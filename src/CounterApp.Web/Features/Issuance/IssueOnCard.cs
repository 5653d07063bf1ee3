using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CounterApp.Card.Connection;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Credentials;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Rules;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.CardSession;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

public sealed record IssueOnCard(Guid ApplicationId, string Actor, int? CounterId);

/// <summary>
/// The card step (R-CE-01/05): the resident's card PIN and chosen password (typed twice) go to the card session, which
/// generates the key on the card, has the CA issue the certificate and writes it. The application follows: KeyGenerated
/// → CertificateIssued → WrittenToCard → (renewal: old certificate superseded, R-CE-04) → Completed. A wrong PIN or a
/// lost card/agent leaves it at this step to retry; a CA error or an unwritten certificate fails it with its obligations.
/// The PIN and passwords are zeroed before this returns and never stored, logged or echoed (R-X-02).
/// </summary>
public sealed class IssueOnCardHandler(
    CounterDbContext db, AuditTrail audit, CardSessionService cards, SupersedeOldCertificateHandler supersede, IssuanceProgress progress, TimeProvider time)
{
    public const string AuditAction = "application.card-issued";

    public async Task<IssuanceResult> HandleAsync(
        IssueOnCard request, ISmartCardConnection connection, char[] cardPin, char[] password, char[] passwordConfirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(cardPin);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(passwordConfirmation);
        try
        {
            var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
            if (loaded is null)
            {
                return IssuanceResult.NotFound();
            }

            if (loaded.Application.State != ApplicationState.FeePaid)
            {
                return IssuanceResult.WrongStep(loaded.Application.State.ToString());
            }

            var broken = CheckCredentials(cardPin, password, passwordConfirmation);
            if (broken.Count > 0)
            {
                return new IssuanceResult(IssuanceOutcome.Invalid, broken, broken[0].Message) { ApplicationId = loaded.Record.Id };
            }

            var card = await db.ResidentCards.AsNoTracking().Include(c => c.Resident)
                .Where(c => c.ResidentId == loaded.Resident.Id && c.Status == CardStatus.Active)
                .OrderByDescending(c => c.ExpiryDate)
                .FirstOrDefaultAsync(cancellationToken);
            if (card is null)
            {
                return IssuanceResult.Invalid("R-EL-02", "resident.card", IssuanceText.Get("NoCard"));
            }

            var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
            progress.Report(loaded.Record.Id, CardSessionStep.ValidateInput);
            CardSessionResult session;
            try
            {
                session = await cards.IssueAsync(
                    connection, new CardSessionContext(request.Actor, counter, card, loaded.Record.Id), cardPin, password, progress.For(loaded.Record.Id), cancellationToken);
            }
            finally
            {
                progress.Finish(loaded.Record.Id);
            }

            return await RecordAsync(request, loaded, counter, session, cancellationToken);
        }
        finally
        {
            Array.Clear(cardPin);
            Array.Clear(password);
            Array.Clear(passwordConfirmation);
        }
    }

    // R-CE-05 on the arrays themselves: no string copy of a secret is ever made.
    private static List<BrokenRule> CheckCredentials(char[] cardPin, char[] password, char[] confirmation)
    {
        var broken = new List<BrokenRule>();
        if (!CardPinFormatRule.IsValid(cardPin))
        {
            broken.Add(Broken(new CardPinFormatRule(null)));
        }

        if (!PasswordFormatRule.IsValid(password))
        {
            broken.Add(Broken(new PasswordFormatRule(null)));
        }

        if (!CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(password.AsSpan()), MemoryMarshal.AsBytes(confirmation.AsSpan())))
        {
            broken.Add(Broken(new ConfirmationMatchesRule(null, "-", "password")));
        }

        return broken;
    }

    private static BrokenRule Broken(IBusinessRule rule) => new(rule.RuleId, rule.Field, rule.Message);

    private async Task<IssuanceResult> RecordAsync(IssueOnCard request, LoadedApplication loaded, string? counter, CardSessionResult session, CancellationToken cancellationToken)
    {
        var application = loaded.Application;
        var now = time.GetUtcNow();
        var by = request.Actor;
        var serial = session.CertificateSerial;
        if (session.Succeeded && serial is not null)
        {
            application.MarkKeyGenerated(now, by);
            application.MarkCertificateIssued(serial, now, by);
            application.MarkWrittenToCard(now, by);
            var renewal = application.Procedure == Procedure.Renewal;
            if (!renewal)
            {
                application.Complete(now, by);
            }

            var written = await StepCommit.CommitAsync(db, audit, loaded,
                [IssuanceAudit.Event(by, counter, loaded, AuditAction, AuditOutcomes.Succeeded, ("serial", serial), ("state", application.State.ToString()))],
                IssuanceResult.Done(session.Message) with { CertificateSerial = serial }, cancellationToken);
            if (!renewal || !written.Succeeded)
            {
                return written;
            }

            var superseded = await supersede.HandleAsync(new SupersedeOldCertificate(loaded.Record.Id, by, request.CounterId), cancellationToken);
            return superseded with { CertificateSerial = serial };
        }

        if (serial is null && session.FailedStep is not CardSessionStep.IssueCertificate)
        {
            // Nothing issued: a wrong PIN, a removed card, a lost agent. The resident may try again at this step.
            return new IssuanceResult(IssuanceOutcome.Retry, [], session.Message) { ApplicationId = loaded.Record.Id, TriesLeft = session.TriesLeft };
        }

        application.MarkKeyGenerated(now, by);
        var passwordOnly = session.FailedStep == CardSessionStep.SetPassword;
        if (serial is not null)
        {
            application.MarkCertificateIssued(serial, now, by);
            if (passwordOnly)
            {
                application.MarkWrittenToCard(now, by);
            }
        }

        application.Fail(string.Create(CultureInfo.InvariantCulture, $"card session failed at {session.FailedStep}"), now, by);
        if (session.CertificateRevoked)
        {
            application.MarkUnwrittenCertificateRevoked(now, by);
        }

        var message = session.Message + " " + IssuanceText.Get(passwordOnly ? "FailedPasswordNotSet" : "FailedAfterPayment");
        var failed = await StepCommit.CommitAsync(db, audit, loaded,
            [IssuanceAudit.Event(by, counter, loaded, AuditAction, AuditOutcomes.Failed, ("step", session.FailedStep?.ToString()), ("serial", serial),
                ("revoked", session.CertificateRevoked ? "true" : "false"), ("outstanding", string.Join(",", application.Outstanding.Order())))],
            new IssuanceResult(IssuanceOutcome.Failed, [], message) { CertificateSerial = serial }, cancellationToken);
        if (failed.Outcome == IssuanceOutcome.Failed && application.Outstanding.Contains(Obligation.SupersedeOldCertificate))
        {
            // The new certificate is on the card even so: the old one is superseded all the same (R-CE-04).
            await supersede.HandleAsync(new SupersedeOldCertificate(loaded.Record.Id, by, request.CounterId), cancellationToken);
        }

        return failed;
    }
}
