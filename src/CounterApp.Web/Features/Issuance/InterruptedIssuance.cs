using CounterApp.Domain.Applications;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>How an interrupted issuance was resolved.</summary>
public enum Resolution
{
    /// <summary>Nothing to resolve: the application is not between key generation and completion.</summary>
    NotInterrupted,

    /// <summary>The password was set on the card: the application completed (a renewal superseded the old certificate).</summary>
    Completed,

    /// <summary>Whatever the CA signed was revoked; the application is back at the card step with its fee standing.</summary>
    ReturnedToCardStep,

    /// <summary>Another clerk or pass changed the application first; the next pass looks again.</summary>
    Conflict,
}

/// <summary>
/// R-CE-09, resolution without guessing: an issuance cut anywhere between key generation and completion (a failed card
/// step, a pulled card, a crash) ends one of two ways. The password is set on the card (PasswordSet recorded): the
/// certificate is the resident's and the application completes. Anything earlier: the certificate the CA signed for the
/// recorded request (found by the request id, whether or not the application got to record it) is revoked at once
/// (cessationOfOperation) and the application goes back to the card step; the clerk retries without a second fee or
/// abandons it for a void or refund (R-FE-03). Used by the card step itself and by the recovery pass.
/// </summary>
public sealed class InterruptedIssuance(
    CounterDbContext db, AuditTrail audit, PrefecturalCa ca, CertificateRegister register, SupersedeOldCertificateHandler supersede, RealClock time)
{
    public const string AuditAction = "application.issuance-interrupted";
    public const string CompletedAction = "application.card-issued";

    public async Task<(Resolution Resolution, string? RevokedSerial)> ResolveAsync(Guid applicationId, string actor, string? counter, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var loaded = await ApplicationMapper.LoadAsync(db, applicationId, cancellationToken);
        if (loaded is null || !loaded.Application.IsIssuing)
        {
            return (Resolution.NotInterrupted, null);
        }

        return loaded.Application.State == ApplicationState.PasswordSet
            ? (await CompleteAsync(loaded, actor, counter, cancellationToken), null)
            : await ReturnToCardStepAsync(loaded, actor, counter, reason, cancellationToken);
    }

    /// <summary>The password is set: complete (a renewal first supersedes the old certificate, R-CE-04).</summary>
    internal async Task<Resolution> CompleteAsync(LoadedApplication loaded, string actor, string? counter, CancellationToken cancellationToken)
    {
        var application = loaded.Application;
        if (application.Outstanding.Contains(Obligation.SupersedeOldCertificate))
        {
            var superseded = await supersede.HandleAsync(new SupersedeOldCertificate(loaded.Record.Id, actor, null), cancellationToken);
            return superseded.Succeeded ? Resolution.Completed : Resolution.Conflict;
        }

        application.Complete(time.GetUtcNow(), actor);
        var done = await StepCommit.CommitAsync(db, audit, loaded,
            [IssuanceAudit.Event(actor, counter, loaded, CompletedAction, AuditOutcomes.Succeeded, ("serial", application.IssuedSerial), ("state", application.State.ToString()))],
            IssuanceResult.Done(), cancellationToken);
        return done.Succeeded ? Resolution.Completed : Resolution.Conflict;
    }

    private async Task<(Resolution, string?)> ReturnToCardStepAsync(LoadedApplication loaded, string actor, string? counter, string reason, CancellationToken cancellationToken)
    {
        var application = loaded.Application;
        var now = time.GetUtcNow();
        var events = new List<AuditEvent>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);

        // The CA is asked what it signed for the recorded request: the application may have died before recording it.
        var stored = application.Intent is { } intent ? ca.Store.FindByRequest(intent.RequestId) : null;
        var serial = application.IssuedSerial ?? stored?.Serial.Hex;
        if (serial is not null)
        {
            // The one revocation (CA register, OCSP at once, audit), in this transaction.
            await LinkAsync(loaded, stored, serial, cancellationToken);
            await register.RevokeAsync(
                RevocationTriggers.ForInterruptedIssuance(serial, now),
                IssuanceAudit.Event(actor, counter, loaded, CertificateRegister.RevokedAction, AuditOutcomes.Succeeded),
                cancellationToken);
        }

        var from = application.State;
        application.ReturnToCardStep(reason, serial, now, actor);
        events.Add(IssuanceAudit.Event(actor, counter, loaded, AuditAction, AuditOutcomes.Succeeded,
            ("from", from.ToString()), ("reason", reason), ("revokedSerial", serial), ("state", application.State.ToString())));
        var saved = await ApplicationMapper.SaveAsync(db, application, loaded.Record, cancellationToken);
        if (!saved.Succeeded)
        {
            return (Resolution.Conflict, null);
        }

        foreach (var auditEvent in events)
        {
            await audit.AppendAsync(auditEvent, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (Resolution.ReturnedToCardStep, serial);
    }

    // The counter's link shows the certificate (revoked) on the resident's page, also when the crash came before the link.
    private async Task LinkAsync(LoadedApplication loaded, StoredCertificate? stored, string serial, CancellationToken cancellationToken)
    {
        if (await db.Certificates.AnyAsync(c => c.Serial == serial, cancellationToken))
        {
            return;
        }

        stored ??= ca.Store.Find(CertificateSerial.Parse(serial));
        var cardNumber = loaded.Application.Intent?.CardNumber;
        var card = await db.ResidentCards.AsNoTracking()
            .Where(c => c.ResidentId == loaded.Resident.Id && c.CardNumber == cardNumber)
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null || card is null)
        {
            return;
        }

        db.Certificates.Add(CertificateLink.For(stored, card, loaded.Record.Id));
        await db.SaveChangesAsync(cancellationToken);
    }
}
