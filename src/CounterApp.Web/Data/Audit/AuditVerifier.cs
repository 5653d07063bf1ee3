using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// Recomputes the audit chain from the first row and reports the first broken row: a deleted row (a gap in the
/// consecutive ids), an edited row (its hash), a reordered or inserted row (its previous hash). Run by
/// <c>CounterApp.Web verify-audit</c>. A chain cut off at its end looks intact: compare the reported head with
/// one noted earlier (e.g. on the closed day's ledger) to catch that.
/// </summary>
public sealed class AuditVerifier(CounterDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long count = 0;
        long previousId = 0;
        var previousHash = AuditChain.Genesis;
        var rows = db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable();
        await foreach (var entry in rows.WithCancellation(cancellationToken))
        {
            var problem = AuditChain.Check(entry, previousId, previousHash);
            if (problem is not null)
            {
                var broken = entry.Id > previousId + 1 ? previousId + 1 : entry.Id;
                return new AuditVerification(count, broken, problem, previousId, previousHash);
            }

            count++;
            previousId = entry.Id;
            previousHash = entry.Hash;
        }

        return new AuditVerification(count, null, null, previousId, previousHash);
    }
}

/// <summary>
/// The result of a verification: the entries checked (up to the break), the first broken entry's id and why, and
/// the last intact entry (the head) with its hash.
/// </summary>
public sealed record AuditVerification(long Count, long? BrokenEntryId, string? Problem, long HeadId, string HeadHash)
{
    public bool Intact => BrokenEntryId is null;

    /// <summary>The operator's one line.</summary>
    public string Summary => Intact
        ? $"{Count} entries, chain intact" + (HeadId > 0 ? $", head #{HeadId} {HeadHash}" : string.Empty)
        : Problem!;
}
