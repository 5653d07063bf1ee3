using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;

namespace CounterApp.Web.Features.Issuance;

/// <summary>
/// Saves a step in one transaction: the audit chain's lock first (one lock order for every unit of work), the
/// application row (its Version guards against another clerk's change), extra rows, then the audit entries.
/// A conflict rolls everything back and says so.
/// </summary>
internal static class StepCommit
{
    public static async Task<IssuanceResult> CommitAsync(
        CounterDbContext db, AuditTrail audit, LoadedApplication loaded, IReadOnlyList<AuditEvent> events, IssuanceResult result, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var saved = await ApplicationMapper.SaveAsync(db, loaded.Application, loaded.Record, cancellationToken);
        if (!saved.Succeeded)
        {
            return IssuanceResult.Conflict(saved.Message);
        }

        foreach (var auditEvent in events)
        {
            await audit.AppendAsync(auditEvent, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return result with { ApplicationId = loaded.Record.Id };
    }
}
