using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CounterApp.Domain.Certificates;
using CounterApp.Pki.Store;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.CertificateAuthority;

/// <summary>
/// Carries out the revocation requests the counter recorded (R-RV-02 from the register sync, R-RV-01, R-CE-04
/// supersession): for each pending request whose effective time has come, in one transaction, the CA revokes the
/// certificate (so OCSP says revoked at once and the next CRL lists it, R-RV-03), the counter's certificate record
/// becomes Revoked with the CA's time and reason, the request is marked processed, and the audit trail records it.
/// A certificate the CA never issued (demo data) is still marked revoked on the counter's side, with a warning.
/// Idempotent: a request done by another process is skipped; a certificate already revoked keeps its first revocation.
/// </summary>
public sealed partial class RevocationProcessor(CounterDbContext db, PrefecturalCa ca, AuditTrail audit, RealClock time, ILogger<RevocationProcessor> logger)
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

        var certificate = await db.Certificates.SingleAsync(c => c.Id == request.CertificateId, cancellationToken);
        var effectiveAt = new DateTimeOffset(DateTime.SpecifyKind(request.EffectiveAt, DateTimeKind.Utc));
        var (outcome, revocation) = RevokeInCa(certificate.Serial, request, effectiveAt);
        if (outcome == RevokeOutcome.NotFound)
        {
            LogNotInCa(logger, certificate.Serial, ca.Id, request.Id);
        }

        if (certificate.Status != CertificateStatus.Revoked || revocation is not null)
        {
            certificate.Status = CertificateStatus.Revoked;
            certificate.RevokedAt = (revocation?.RevokedAt ?? effectiveAt).UtcDateTime;
            certificate.RevocationReason = revocation?.Reason ?? request.Reason;
        }

        request.ProcessedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var residentCode = await db.Residents.Where(r => r.Id == certificate.ResidentId).Select(r => r.ResidentCode).SingleOrDefaultAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = AuditActor,
                ResidentCode = residentCode,
                Action = AuditAction,
                Outcome = outcome == RevokeOutcome.NotFound ? "not-in-ca" : AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?>
                {
                    ["authority"] = ca.Id,
                    ["serial"] = certificate.Serial,
                    ["reason"] = certificate.RevocationReason?.ToString(),
                    ["revokedAt"] = certificate.RevokedAt?.ToString("O", CultureInfo.InvariantCulture),
                    ["ca"] = outcome.ToString(),
                    ["rule"] = request.RuleId,
                    ["cause"] = request.Cause,
                    ["request"] = request.Id.ToString(CultureInfo.InvariantCulture),
                },
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRevoked(logger, certificate.Serial, ca.Id, certificate.RevocationReason, request.RuleId, outcome);
        return true;
    }

    // The CA's store joins this transaction: the CA row, the counter's row and the request commit together.
    private (RevokeOutcome Outcome, CertificateRevocation? Revocation) RevokeInCa(string serialText, RevocationRequestRecord request, DateTimeOffset effectiveAt)
    {
        CertificateSerial serial;
        try
        {
            serial = CertificateSerial.Parse(serialText);
        }
        catch (FormatException)
        {
            return (RevokeOutcome.NotFound, null);
        }

        using (ca.Store.Enlist(db))
        {
            var outcome = ca.Authority.Revoke(serial, request.Reason, effectiveAt);
            return (outcome, outcome == RevokeOutcome.NotFound ? null : ca.Store.Find(serial)?.Revocation);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked certificate {Serial} in CA {Id}: {Reason} ({Rule}); CA outcome {Outcome}")]
    private static partial void LogRevoked(ILogger logger, string serial, string id, Domain.Revocation.RevocationReason? reason, string rule, RevokeOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate {Serial} is not in CA {Id} (request {Request}); marked revoked on the counter's side only")]
    private static partial void LogNotInCa(ILogger logger, string serial, string id, long request);

    [LoggerMessage(Level = LogLevel.Error, Message = "Revocation request {Request} failed; it stays pending and is retried")]
    private static partial void LogFailed(ILogger logger, long request, Exception exception);
}
