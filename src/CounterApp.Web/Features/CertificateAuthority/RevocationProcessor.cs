using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.CertificateAuthority;

/// <summary>
/// Carries out the revocation requests the counter recorded (R-RV-02 from the register sync, R-RV-01, R-CE-04
/// supersession): for each pending request whose effective time has come, in one transaction, the certificate register
/// revokes it in the CA (so OCSP says revoked at once and the next CRL lists it, R-RV-03; the counter's pages read the
/// same row), the request is marked processed, and the audit trail records it. A serial the CA never issued is audited
/// as not-in-ca, with a warning.
/// Idempotent: a request done by another process is skipped; a certificate already revoked keeps its first revocation.
/// </summary>
public sealed partial class RevocationProcessor(CounterDbContext db, PrefecturalCa ca, CertificateRegister register, RealClock time, ILogger<RevocationProcessor> logger)
{
    public const string AuditActor = "ca";

    public const string AuditAction = "certificate.revoked";

    private const int Batch = 100;

    /// <summary>Processes every pending request due now; returns how many were carried out. One failing request is
    /// logged and left pending (retried next time); the others go on.</summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "One bad request must not block the others; it stays pending and is logged.")]
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var done = 0;
        var after = 0L;
        while (true)
        {
            var ids = await db.RevocationRequests.AsNoTracking()
                .Where(r => r.ProcessedAt == null && r.EffectiveAt <= now && r.Id > after)
                .OrderBy(r => r.Id)
                .Select(r => r.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return done;
            }

            foreach (var id in ids)
            {
                after = id;
                try
                {
                    done += await ProcessAsync(id, cancellationToken) ? 1 : 0;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, id, e);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    private async Task<bool> ProcessAsync(long requestId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.RevocationRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ProcessedAt == null, cancellationToken);
        if (request is null)
        {
            return false;
        }

        var certificate = await db.Certificates.AsNoTracking()
            .Where(c => c.Id == request.CertificateId)
            .Select(c => new { c.Serial, c.ResidentId })
            .SingleAsync(cancellationToken);
        var residentCode = await db.Residents.Where(r => r.Id == certificate.ResidentId).Select(r => r.ResidentCode).SingleOrDefaultAsync(cancellationToken);
        var effectiveAt = new DateTimeOffset(DateTime.SpecifyKind(request.EffectiveAt, DateTimeKind.Utc));
        var order = new RevocationOrder(certificate.Serial, request.Reason, effectiveAt, request.RuleId, request.Cause);
        request.ProcessedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        // The register revokes in the CA and audits, in this transaction: the CA row, the request and the entry commit together.
        var done = await register.RevokeAsync(
            order,
            new AuditEvent
            {
                Actor = AuditActor,
                ResidentCode = residentCode,
                Action = AuditAction,
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?> { ["request"] = request.Id.ToString(CultureInfo.InvariantCulture) },
            },
            cancellationToken);
        if (done.Outcome == RevokeOutcome.NotFound)
        {
            LogNotInCa(logger, certificate.Serial, ca.Id, request.Id);
        }

        await transaction.CommitAsync(cancellationToken);
        LogRevoked(logger, certificate.Serial, ca.Id, done.Reason ?? request.Reason, request.RuleId, done.Outcome);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked certificate {Serial} in CA {Id}: {Reason} ({Rule}); CA outcome {Outcome}")]
    private static partial void LogRevoked(ILogger logger, string serial, string id, Domain.Revocation.RevocationReason? reason, string rule, RevokeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate {Serial} is not in CA {Id} (request {Request}); nothing to revoke, the request is closed")]
    private static partial void LogNotInCa(ILogger logger, string serial, string id, long request);

    [LoggerMessage(Level = LogLevel.Error, Message = "Revocation request {Request} failed; it stays pending and is retried")]
    private static partial void LogFailed(ILogger logger, long request, Exception exception);
}
