using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// The result of a verification: the entries checked (up to the first break) and the last intact entry (the head)
/// with its hash; what was found (the chain's first break, then the checkpoints' first problem); and the checkpoints
/// verified, the last of them.
/// </summary>
public sealed record AuditVerification(
    long Count, long HeadId, string HeadHash, IReadOnlyList<AuditFinding> Findings, long CheckpointsVerified, AuditCheckpoint? LastCheckpoint)
{
    public bool Intact => Findings.Count == 0;

    /// <summary>The first entry concerned by what was found (the chain's first broken entry, or where a cut or rewrite starts).</summary>
    public long? BrokenEntryId => Findings.Select(f => f.EntryId).FirstOrDefault(id => id is not null);

    /// <summary>The first finding's sentence.</summary>
    public string? Problem => Findings.Count > 0 ? Findings[0].Message : null;

    /// <summary>Entries written after the last checkpoint, not yet anchored.</summary>
    public long Unanchored => HeadId - (LastCheckpoint?.HeadId ?? 0);

    /// <summary>The operator's one line.</summary>
    public string Summary => Intact ? IntactSummary() : string.Join("; ", Findings.Select(f => f.Message));

    private string IntactSummary()
    {
        var line = $"{Count} entries, chain intact" + (HeadId > 0 ? $", head #{HeadId} {HeadHash}" : string.Empty);
        if (LastCheckpoint is { } last)
        {
            line += $"; {CheckpointsVerified} checkpoint{(CheckpointsVerified == 1 ? string.Empty : "s")} verified, the last #{last.Id} at {AuditFinding.Utc(last.At)} covers entry #{last.HeadId}";
            line += Unanchored > 0 ? $" ({Unanchored} newer entries not yet checkpointed)" : string.Empty;
        }
        else if (Count > 0)
        {
            line += "; no checkpoint yet (a cut at the end cannot be detected)";
        }

        return line;
    }
}
