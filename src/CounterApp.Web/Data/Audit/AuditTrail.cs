using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// Appends to the audit log (R-X-01): an append-only SHA-256 chain (see <see cref="AuditChain"/>). The entry joins the
/// caller's transaction on the same <see cref="CounterDbContext"/>, so it commits or rolls back with the change it
/// records; without one, it is appended in a short transaction of its own.
/// <para>
/// Appends are serialised so the chain never forks: on PostgreSQL by a transaction-scoped advisory lock taken before
/// the last row is read; on SQLite by the write lock that EF's transactions take at BEGIN (BEGIN IMMEDIATE). As a
/// last line, ids are consecutive and chosen here (last id + 1), so two writers that read the same last row collide
/// on the primary key instead of forking. The lock is held until the caller commits: audit last, commit soon.
/// </para>
/// </summary>
public sealed class AuditTrail(CounterDbContext db, TimeProvider time)
{
    // pg_advisory_xact_lock key for the audit chain ("CA-AUDIT"); the migrator uses 7243011 for itself.
    private const long ChainLockKey = 0x43412D4155444954;

    private static readonly JsonSerializerOptions DetailsJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Appends one entry in the caller's transaction (or its own); returns the stored row.</summary>
    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var details = auditEvent.Details is { Count: > 0 } d ? JsonSerializer.Serialize(d, DetailsJson) : null;
        Validate(auditEvent, details);

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await LockChainAsync(cancellationToken);
            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(a => a.Id)
                .Select(a => new { a.Id, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var entry = new AuditEntry
            {
                Id = (last?.Id ?? 0) + 1,
                At = AuditChain.Stored(time.GetUtcNow()),
                Actor = auditEvent.Actor,
                Counter = auditEvent.Counter,
                ResidentCode = auditEvent.ResidentCode,
                Action = auditEvent.Action,
                Outcome = auditEvent.Outcome,
                Details = details,
                PreviousHash = last?.Hash ?? AuditChain.Genesis,
                Hash = string.Empty,
            };
            entry.Hash = AuditChain.ComputeHash(entry);

            // Plain SQL, not the change tracker: the caller's pending changes stay theirs to save.
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO audit_entries (id, at, actor, counter, resident_code, action, outcome, details, previous_hash, hash)
                VALUES ({entry.Id}, {entry.At}, {entry.Actor}, {entry.Counter}, {entry.ResidentCode}, {entry.Action}, {entry.Outcome}, {entry.Details}, {entry.PreviousHash}, {entry.Hash})
                """,
                cancellationToken);

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return entry;
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
    /// Takes the chain's lock in the current transaction (held until it ends). A unit of work that takes other row
    /// locks and audits (the receipt book) calls this first, so every transaction takes the locks in one order.
    /// </summary>
    internal async Task LockChainAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The audit chain is locked inside a transaction; begin one first.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        }

        // SQLite: EF begins transactions with BEGIN IMMEDIATE, so this connection already holds the only write lock.
    }

    // The same limits on both engines (SQLite would store an over-long text; PostgreSQL would refuse it).
    private static void Validate(AuditEvent e, string? details)
    {
        Require(e.Actor, nameof(e.Actor), 400);
        Require(e.Action, nameof(e.Action), 400);
        Require(e.Outcome, nameof(e.Outcome), 400);
        Limit(e.Counter, nameof(e.Counter), 400);
        Limit(e.ResidentCode, nameof(e.ResidentCode), 11);
        Limit(details, nameof(e.Details), 4000);
    }

    private static void Require(string value, string name, int max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        Limit(value, name, max);
    }

    private static void Limit(string? value, string name, int max)
    {
        if (value is { Length: var length } && length > max)
        {
            throw new ArgumentException($"Audit {name} is {length} characters; at most {max} are kept.", name);
        }
    }
}
