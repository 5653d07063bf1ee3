using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

public sealed record SupersedeOldCertificate(Guid ApplicationId, string Actor, int? CounterId);

/// <summary>
/// R-CE-04: once the renewal's new certificate is on the card, the resident's other active certificates are revoked as
/// superseded, in the CA (OCSP says so at once, the next CRL lists it) and on the counter's records, and the renewal
/// completes; all in one transaction (the CA's store joins it). Safe to run again after a failure.
/// </summary>
public sealed class SupersedeOldCertificateHandler(CounterDbContext db, AuditTrail audit, PrefecturalCa ca, RealClock time)
{
    public const string AuditAction = "certificate.revoked";

    public async Task<IssuanceResult> HandleAsync(SupersedeOldCertificate request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
        if (loaded is null)
        {
            return IssuanceResult.NotFound();
        }

        var application = loaded.Application;
        if (!application.Outstanding.Contains(Obligation.SupersedeOldCertificate))
        {
            return IssuanceResult.WrongStep(application.State.ToString());
        }

        var now = time.GetUtcNow();
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var old = await db.Certificates
            .Where(c => c.ResidentId == loaded.Resident.Id && c.Status == CertificateStatus.Active && c.Serial != application.IssuedSerial)
            .ToListAsync(cancellationToken);
        var events = new List<AuditEvent>();
        foreach (var certificate in old)
        {
            var order = RevocationTriggers.ForRenewal(new Certificate(certificate.Serial, string.Empty, certificate.IssuedOn, certificate.ExpiresOn, certificate.Status), now);
            var outcome = RevokeInCa(order);
            certificate.Status = CertificateStatus.Revoked;
            certificate.RevokedAt = AuditChain.Stored(order.EffectiveAt);
            certificate.RevocationReason = order.Reason;
            events.Add(IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, outcome == RevokeOutcome.NotFound ? "not-in-ca" : AuditOutcomes.Succeeded,
                ("serial", certificate.Serial), ("reason", order.Reason.ToString()), ("rule", order.RuleId), ("cause", order.Cause), ("ca", outcome.ToString()),
                ("newSerial", application.IssuedSerial), ("certificates", old.Count.ToString(CultureInfo.InvariantCulture))));
        }

        application.MarkOldCertificateSuperseded(now, request.Actor);
        if (application.State == ApplicationState.PasswordSet)
        {
            application.Complete(now, request.Actor);
            events.Add(IssuanceAudit.Event(request.Actor, counter, loaded, "application.completed", AuditOutcomes.Succeeded, ("serial", application.IssuedSerial)));
        }

        var saved = await ApplicationMapper.SaveAsync(db, application, loaded.Record, cancellationToken);
        if (!saved.Succeeded)
        {
            return IssuanceResult.Conflict(saved.Message);
        }

        foreach (var auditEvent in events)
        {
            await audit.AppendAsync(auditEvent, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return IssuanceResult.Done(IssuanceText.Get("Superseded", old.Count)) with { ApplicationId = loaded.Record.Id, CertificateSerial = application.IssuedSerial };
    }

    // The CA's store joins this transaction, as the revocation processor does; a serial the CA never issued (demo data)
    // is revoked on the counter's side only.
    private RevokeOutcome RevokeInCa(RevocationOrder order)
    {
        CertificateSerial serial;
        try
        {
            serial = CertificateSerial.Parse(order.Serial);
        }
        catch (FormatException)
        {
            return RevokeOutcome.NotFound;
        }

        using (ca.Store.Enlist(db))
        {
            return ca.Authority.Revoke(serial, order.Reason, order.EffectiveAt);
        }
    }
}
