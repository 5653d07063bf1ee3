using System.Globalization;

namespace CounterApp.Web.Data.Audit;

/// <summary>What the verifier can find wrong with the audit log and its checkpoints.</summary>
public enum AuditFindingKind
{
    EntryOutOfOrder,
    FirstEntryMissing,
    EntryMissing,
    ChainStartBroken,
    EntryNotChained,
    EntryAltered,
    FirstCheckpointMissing,
    CheckpointMissing,
    NamedCheckpointMissing,
    CheckpointKeyMissing,
    CheckpointKeyUnusable,
    CheckpointOtherKey,
    CheckpointForged,
    TailCut,
    CheckpointHeadMissing,
    ChainRewritten,
    EntriesMissing,
}

/// <summary>
/// One thing the verifier found: its kind, the entry and checkpoint concerned, the operator's English sentence, and
/// the values a page fills into its own text for the kind (<see cref="Arguments"/>, in the order the sentence names
/// them; instants as Tokyo <see cref="DateTimeOffset"/>).
/// </summary>
public sealed record AuditFinding(AuditFindingKind Kind, long? EntryId, long? CheckpointId, string Message, IReadOnlyList<object> Arguments)
{
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    internal static AuditFinding Chain(AuditFindingKind kind, long entryId, string message, params object[] arguments) =>
        new(kind, entryId, null, message, arguments);

    internal static AuditFinding FirstCheckpointMissing(long first) =>
        new(AuditFindingKind.FirstCheckpointMissing, null, 1, $"checkpoint #1 is missing (the checkpoints start at #{first}): checkpoints were deleted", [first]);

    internal static AuditFinding CheckpointMissing(long previous, long next) =>
        new(AuditFindingKind.CheckpointMissing, null, previous + 1, $"checkpoint #{previous + 1} is missing (the checkpoints go from #{previous} to #{next}): checkpoints were deleted", [previous + 1, previous, next]);

    internal static AuditFinding NamedCheckpointMissing(long named, long entryId, long last) =>
        new(AuditFindingKind.NamedCheckpointMissing, entryId, named,
            $"checkpoint #{named}, named by entry #{entryId}, is missing ({(last == 0 ? "there are no checkpoints" : $"the last is #{last}")}): checkpoints were deleted", [named, entryId, last]);

    internal static AuditFinding KeyMissing(long checkpoint, string keyFile) =>
        new(AuditFindingKind.CheckpointKeyMissing, null, checkpoint, $"checkpoint #{checkpoint} cannot be verified: the checkpoint key file {keyFile} is missing", [checkpoint, keyFile]);

    internal static AuditFinding KeyUnusable(long checkpoint, string keyFile, string reason) =>
        new(AuditFindingKind.CheckpointKeyUnusable, null, checkpoint, $"checkpoint #{checkpoint} cannot be verified: {reason}", [checkpoint, keyFile]);

    internal static AuditFinding OtherKey(long checkpoint, string itsKeyId, string keyFile, string keyId) =>
        new(AuditFindingKind.CheckpointOtherKey, null, checkpoint,
            $"checkpoint #{checkpoint} was made with key id {itsKeyId}, but the key file {keyFile} holds key id {keyId}: the checkpoint was forged, or the key is not the original",
            [checkpoint, itsKeyId, keyFile, keyId]);

    internal static AuditFinding Forged(long checkpoint) =>
        new(AuditFindingKind.CheckpointForged, null, checkpoint, $"checkpoint #{checkpoint} was forged or edited (its HMAC does not verify with the checkpoint key)", [checkpoint]);

    internal static AuditFinding TailCut(long lastId, long checkpoint, DateTime at, long headId, long entryCount) =>
        new(AuditFindingKind.TailCut, lastId + 1, checkpoint,
            $"the log ends at entry #{lastId}, but checkpoint #{checkpoint} ({Utc(at)}) covers {entryCount} entries up to entry #{headId}: entries #{lastId + 1} to #{headId} were deleted (the end of the log was cut)",
            [lastId, checkpoint, TokyoTime(at), headId, entryCount, lastId + 1]);

    internal static AuditFinding HeadMissing(long headId, long checkpoint) =>
        new(AuditFindingKind.CheckpointHeadMissing, headId, checkpoint, $"entry #{headId}, the head of checkpoint #{checkpoint}, is missing: a row was deleted", [headId, checkpoint]);

    internal static AuditFinding Rewritten(long headId, long checkpoint, DateTime at, long from) =>
        new(AuditFindingKind.ChainRewritten, from, checkpoint,
            $"entry #{headId} no longer has the hash checkpoint #{checkpoint} ({Utc(at)}) recorded: the chain was rewritten with recomputed hashes (within entries #{from} to #{headId})",
            [headId, checkpoint, TokyoTime(at), from]);

    internal static AuditFinding EntriesMissing(long rows, long entryCount, long checkpoint) =>
        new(AuditFindingKind.EntriesMissing, null, checkpoint, $"the log holds {rows} entries, fewer than the {entryCount} that checkpoint #{checkpoint} counted: rows were deleted", [rows, entryCount, checkpoint]);

    internal static string Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    internal static DateTimeOffset TokyoTime(DateTime at) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToOffset(Tokyo);
}
