using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// Writes the keyed checkpoints of the audit log's head (R-X-01): on a schedule (<see cref="AuditCheckpointService"/>,
/// when the head moved) and with an entry that must be anchored at once, such as the day close
/// (<see cref="AppendAndCheckpointAsync"/>). Under the chain's lock, so the head cannot move while it is read.
/// </summary>
public sealed class AuditCheckpoints(CounterDbContext db, AuditTrail audit, AuditCheckpointKey key, TimeProvider time)
{
    public const string Scheduled = "scheduled";

    public const string DayClose = "day-close";

    /// <summary>The detail key by which an anchored entry names the checkpoint that follows it.</summary>
    public const string DetailKey = "auditCheckpoint";

    /// <summary>Checkpoints the head when it moved since the last checkpoint; null when it did not or the log is empty.</summary>
    public async Task<AuditCheckpoint?> CheckpointIfMovedAsync(CancellationToken cancellationToken = default)
    {
        await key.InitializeAsync(db, cancellationToken);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await audit.LockChainAsync(cancellationToken);
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            var last = await LastAsync(cancellationToken);
            if (head is null || last?.HeadId == head.Id)
            {
                return null;
            }

            var checkpoint = await WriteAsync((last?.Id ?? 0) + 1, head.Id, head.Hash, Scheduled, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return checkpoint;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Appends <paramref name="auditEvent"/> and a checkpoint of it (the new head) in the caller's transaction. The entry
    /// names that checkpoint in its details (<see cref="DetailKey"/>), so deleting the checkpoint later shows.
    /// </summary>
    public async Task<(AuditEntry Entry, AuditCheckpoint Checkpoint)> AppendAndCheckpointAsync(AuditEvent auditEvent, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await key.InitializeAsync(db, cancellationToken);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await audit.LockChainAsync(cancellationToken);
            var id = ((await LastAsync(cancellationToken))?.Id ?? 0) + 1;
            var details = new Dictionary<string, string?>(auditEvent.Details ?? new Dictionary<string, string?>(), StringComparer.Ordinal)
            {
                [DetailKey] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var entry = await audit.AppendAsync(auditEvent with { Details = details }, cancellationToken);
            var checkpoint = await WriteAsync(id, entry.Id, entry.Hash, reason, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return (entry, checkpoint);
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private Task<LastCheckpoint?> LastAsync(CancellationToken cancellationToken) =>
        db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).Select(c => new LastCheckpoint(c.Id, c.HeadId)).FirstOrDefaultAsync(cancellationToken);

    private async Task<AuditCheckpoint> WriteAsync(long id, long headId, string headHash, string reason, CancellationToken cancellationToken)
    {
        var checkpoint = new AuditCheckpoint
        {
            Id = id,
            At = AuditChain.Stored(time.GetUtcNow()),
            HeadId = headId,
            HeadHash = headHash,
            EntryCount = await db.AuditEntries.LongCountAsync(cancellationToken),
            Reason = reason,
            KeyId = key.KeyId,
            Mac = string.Empty,
        };
        checkpoint.Mac = key.ComputeMac(checkpoint);

        // Plain SQL, like the trail: the caller's pending changes stay theirs to save.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO audit_checkpoints (id, at, head_id, head_hash, entry_count, reason, key_id, mac)
            VALUES ({checkpoint.Id}, {checkpoint.At}, {checkpoint.HeadId}, {checkpoint.HeadHash}, {checkpoint.EntryCount}, {checkpoint.Reason}, {checkpoint.KeyId}, {checkpoint.Mac})
            """,
            cancellationToken);
        return checkpoint;
    }

    private sealed record LastCheckpoint(long Id, long HeadId);
}
