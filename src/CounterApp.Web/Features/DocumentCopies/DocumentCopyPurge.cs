using System.Globalization;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>
/// R-ID-04: deletes the encrypted bytes of every copy whose retention day (Asia/Tokyo) has passed and marks the copy
/// purged; the metadata row stays as the record that a copy existed. Each batch is one transaction with its audit
/// entries, so a copy is never half-purged.
/// </summary>
public sealed partial class DocumentCopyPurge(CounterDbContext db, AuditTrail audit, TimeProvider time, ILogger<DocumentCopyPurge> logger)
{
    private const int Batch = 200;

    /// <summary>Purges everything due now; returns the number of copies purged.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var today = TokyoClock.Today(time);
        var purged = 0;
        while (true)
        {
            var due = await db.DocumentCopies.AsNoTracking()
                .Where(c => c.PurgedAt == null && c.RetainUntil < today)
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.RetainUntil, ResidentCode = db.PresentedDocuments.Where(d => d.Id == c.PresentedDocumentId).Select(d => db.Applications.Where(a => a.Id == d.ApplicationId).Select(a => a.Resident!.ResidentCode).FirstOrDefault()).FirstOrDefault() })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            var ids = due.Select(c => c.Id).ToList();
            var now = time.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.DocumentCopyContents.Where(c => ids.Contains(c.DocumentCopyId)).ExecuteDeleteAsync(cancellationToken);
            await db.DocumentCopies.Where(c => ids.Contains(c.Id) && c.PurgedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.PurgedAt, now), cancellationToken);
            foreach (var copy in due)
            {
                await audit.AppendAsync(
                    new AuditEvent
                    {
                        Actor = "document-copy-purge",
                        ResidentCode = copy.ResidentCode,
                        Action = "document-copy.purged",
                        Outcome = AuditOutcomes.Succeeded,
                        Details = new Dictionary<string, string?>
                        {
                            ["copyId"] = copy.Id.ToString(CultureInfo.InvariantCulture),
                            ["retainUntil"] = copy.RetainUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        },
                    },
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            purged += due.Count;
        }

        if (purged > 0)
        {
            LogPurged(logger, purged, today);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} document copie(s) whose retention ended before {Today}")]
    private static partial void LogPurged(ILogger logger, int count, DateOnly today);
}
