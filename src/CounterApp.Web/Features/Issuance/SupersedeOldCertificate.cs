using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

public sealed record SupersedeOldCertificate(Guid ApplicationId, string Actor, int? CounterId);

/// <summary>
/// R-CE-04: once the renewal's new certificate is on the card, the resident's other valid certificates are revoked as
/// superseded through the certificate register (the CA's row: OCSP says so at once, the next CRL lists it, the counter's
/// pages read it), and the renewal completes; all in one transaction (the CA's store joins it). Safe to run again.
/// </summary>
public sealed class SupersedeOldCertificateHandler(CounterDbContext db, AuditTrail audit, CertificateStatuses statuses, CertificateRegister register, RealClock time)
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
        var old = await statuses.Certificates.AsNoTracking()
            .Where(c => c.Certificate.ResidentId == loaded.Resident.Id && c.Certificate.Serial != application.IssuedSerial)
            .Where(CertificateStatuses.IsValid)
            .ToListAsync(cancellationToken);
        var events = new List<AuditEvent>();
        foreach (var registered in old)
        {
            // One revocation for every path: the CA register revokes (OCSP at once, the next CRL) and audits, in this transaction.
            var certificate = registered.Certificate;
            var order = RevocationTriggers.ForRenewal(new Certificate(certificate.Serial, string.Empty, certificate.IssuedOn, certificate.ExpiresOn, registered.Status), now);
            await register.RevokeAsync(
                order,
                IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Succeeded,
                    ("newSerial", application.IssuedSerial), ("certificates", old.Count.ToString(CultureInfo.InvariantCulture))),
                cancellationToken);
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
}
