using System.Globalization;
using System.Text.Json;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// Verifies the audit log (R-X-01) in two streaming passes, never holding more than one row:
/// <list type="number">
/// <item>the chain, from the first row: a deleted row (a gap in the consecutive ids), an edited row (its hash), a
/// reordered or inserted row (its previous hash);</item>
/// <item>the keyed checkpoints, each joined with the entry it names: a deleted checkpoint (a gap, or one an entry
/// names that is gone), a forged or edited one (its HMAC), a cut end (the entry it names is gone, fewer rows than it
/// counted), a chain rewritten with recomputed hashes (the entry's hash is not the one it recorded).</item>
/// </list>
/// Run by <c>CounterApp.Web verify-audit</c> and the supervisor's 「チェーンを検証」. Rows written after the last
/// checkpoint are covered by the chain alone: cutting them leaves nothing to find (Data/Audit/README.md).
/// </summary>
public sealed class AuditVerifier(CounterDbContext db, AuditCheckpointKey? key)
{
    /// <summary>A verifier without the checkpoint key (tests of the chain alone): any stored checkpoint is reported as unverifiable.</summary>
    public AuditVerifier(CounterDbContext db)
        : this(db, null)
    {
    }

    private const string NamedCheckpointMarker = "\"" + AuditCheckpoints.DetailKey + "\"";

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var chain = await VerifyChainAsync(cancellationToken);
        var checkpoints = await VerifyCheckpointsAsync(chain, cancellationToken);
        var findings = new List<AuditFinding>(2);
        if (chain.Finding is { } broken)
        {
            findings.Add(broken);
        }

        if (checkpoints.Finding is { } forged)
        {
            findings.Add(forged);
        }

        return new AuditVerification(chain.Count, chain.HeadId, chain.HeadHash, findings, checkpoints.Verified, checkpoints.Last);
    }

    private async Task<ChainPass> VerifyChainAsync(CancellationToken cancellationToken)
    {
        var pass = new ChainPass();
        long previousId = 0;
        var previousHash = AuditChain.Genesis;
        var rows = db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable();
        await foreach (var entry in rows.WithCancellation(cancellationToken))
        {
            // Past the first break the rows are still counted (a cut end is judged on them), no longer checked.
            pass.Rows++;
            pass.LastId = entry.Id;
            NoteNamedCheckpoint(pass, entry);
            if (pass.Finding is not null)
            {
                continue;
            }

            pass.Finding = AuditChain.Check(entry, previousId, previousHash);
            if (pass.Finding is null)
            {
                pass.Count++;
                previousId = entry.Id;
                previousHash = entry.Hash;
            }
        }

        pass.HeadId = previousId;
        pass.HeadHash = previousHash;
        return pass;
    }

    private async Task<CheckpointPass> VerifyCheckpointsAsync(ChainPass chain, CancellationToken cancellationToken)
    {
        var pass = new CheckpointPass();
        var keyProblem = LoadKey();
        var rows =
            from c in db.AuditCheckpoints.AsNoTracking()
            join a in db.AuditEntries.AsNoTracking() on c.HeadId equals a.Id into heads
            from a in heads.DefaultIfEmpty()
            orderby c.Id
            select new { Checkpoint = c, HeadRowHash = a == null ? null : a.Hash };
        long previousId = 0, previousHead = 0;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var c = row.Checkpoint;
            pass.Finding = c.Id != previousId + 1
                ? (previousId == 0 ? AuditFinding.FirstCheckpointMissing(c.Id) : AuditFinding.CheckpointMissing(previousId, c.Id))
                : keyProblem?.Invoke(c.Id) ?? CheckMac(c) ?? CheckHead(chain, c, row.HeadRowHash, previousHead);
            if (pass.Finding is not null)
            {
                return pass;
            }

            pass.Verified++;
            pass.Last = c;
            previousId = c.Id;
            previousHead = c.HeadId;
        }

        // Checkpoints deleted from the end leave no gap; an entry that named one of them still shows it.
        if (chain.NamedCheckpoint > previousId)
        {
            pass.Finding = AuditFinding.NamedCheckpointMissing(chain.NamedCheckpoint, chain.NamingEntry, previousId);
        }

        return pass;
    }

    // Null when the key is loaded; otherwise what to report at the first checkpoint.
    private Func<long, AuditFinding>? LoadKey()
    {
        if (key is null)
        {
            return id => AuditFinding.KeyMissing(id, "(none given)");
        }

        try
        {
            return key.TryLoadExisting() ? null : id => AuditFinding.KeyMissing(id, key.KeyFile);
        }
        catch (AuditCheckpointKeyException e)
        {
            return id => AuditFinding.KeyUnusable(id, key.KeyFile, e.Message);
        }
    }

    private AuditFinding? CheckMac(AuditCheckpoint c) =>
        !string.Equals(c.KeyId, key!.KeyId, StringComparison.Ordinal) ? AuditFinding.OtherKey(c.Id, c.KeyId, key.KeyFile, key.KeyId)
        : !key.Verifies(c) ? AuditFinding.Forged(c.Id)
        : null;

    // The entry a checkpoint names must be there with the hash it recorded, and no fewer rows than it counted.
    private static AuditFinding? CheckHead(ChainPass chain, AuditCheckpoint c, string? headRowHash, long previousHead)
    {
        if (headRowHash is null)
        {
            return c.HeadId > chain.LastId
                ? AuditFinding.TailCut(chain.LastId, c.Id, c.At, c.HeadId, c.EntryCount)
                : AuditFinding.HeadMissing(c.HeadId, c.Id);
        }

        if (!string.Equals(headRowHash, c.HeadHash, StringComparison.Ordinal))
        {
            return AuditFinding.Rewritten(c.HeadId, c.Id, c.At, previousHead + 1);
        }

        return chain.Rows < c.EntryCount ? AuditFinding.EntriesMissing(chain.Rows, c.EntryCount, c.Id) : null;
    }

    private static void NoteNamedCheckpoint(ChainPass pass, AuditEntry entry)
    {
        if (entry.Details is not { } details || !details.Contains(NamedCheckpointMarker, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            using var json = JsonDocument.Parse(details);
            if (json.RootElement.TryGetProperty(AuditCheckpoints.DetailKey, out var value)
                && value.ValueKind == JsonValueKind.String
                && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var named)
                && named > pass.NamedCheckpoint)
            {
                pass.NamedCheckpoint = named;
                pass.NamingEntry = entry.Id;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the chain pass names an edited row; nothing is named here.
        }
    }

    private sealed class ChainPass
    {
        public long Count { get; set; }

        public long Rows { get; set; }

        public long LastId { get; set; }

        public long HeadId { get; set; }

        public string HeadHash { get; set; } = AuditChain.Genesis;

        public long NamedCheckpoint { get; set; }

        public long NamingEntry { get; set; }

        public AuditFinding? Finding { get; set; }
    }

    private sealed class CheckpointPass
    {
        public long Verified { get; set; }

        public AuditCheckpoint? Last { get; set; }

        public AuditFinding? Finding { get; set; }
    }
}
