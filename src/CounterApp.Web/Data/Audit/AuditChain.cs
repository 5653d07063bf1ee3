using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// The audit log's SHA-256 chain (R-X-01). Each row's hash covers its own fields and the previous row's hash, in a
/// canonical encoding that no two different rows share:
/// <code>
/// "CounterApp.AuditEntry.v1" | Id (int64 BE) | At (UTC ticks, int64 BE) | Actor | Counter | ResidentCode
///   | Action | Outcome | Details | PreviousHash
/// </code>
/// where each text is 0x00 for null, or 0x01, its UTF-8 length (int32 BE) and its UTF-8 bytes. The first row's
/// previous hash is <see cref="Genesis"/>; hashes are lower-case hex.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Tag = "CounterApp.AuditEntry.v1";

    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(sha, Tag);
        AppendInt64(sha, entry.Id);
        AppendInt64(sha, entry.At.Ticks);
        AppendText(sha, entry.Actor);
        AppendText(sha, entry.Counter);
        AppendText(sha, entry.ResidentCode);
        AppendText(sha, entry.Action);
        AppendText(sha, entry.Outcome);
        AppendText(sha, entry.Details);
        AppendText(sha, entry.PreviousHash);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// An instant as both engines keep it: UTC, whole microseconds (PostgreSQL's timestamptz precision), so the
    /// hash computed before the insert is the hash recomputed after reading the row back.
    /// </summary>
    public static DateTime Stored(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>
    /// What is wrong with <paramref name="entry"/> as the successor of the row <paramref name="previousId"/> with
    /// hash <paramref name="previousHash"/> (0 and <see cref="Genesis"/> for the first row); null when nothing is.
    /// </summary>
    public static AuditFinding? Check(AuditEntry entry, long previousId, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Id != previousId + 1)
        {
            if (entry.Id <= previousId)
            {
                return AuditFinding.Chain(AuditFindingKind.EntryOutOfOrder, entry.Id, $"entry #{entry.Id} is out of order after #{previousId}", entry.Id, previousId);
            }

            return previousId == 0
                ? AuditFinding.Chain(AuditFindingKind.FirstEntryMissing, 1, $"entry #1 is missing (the chain starts at #{entry.Id}): a row was deleted", entry.Id)
                : AuditFinding.Chain(AuditFindingKind.EntryMissing, previousId + 1, $"entry #{previousId + 1} is missing (the chain goes from #{previousId} to #{entry.Id}): a row was deleted", previousId + 1, previousId, entry.Id);
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return previousId == 0
                ? AuditFinding.Chain(AuditFindingKind.ChainStartBroken, entry.Id, $"entry #{entry.Id} does not start the chain (its previous hash is not {Genesis[..8]}…): rows were deleted, inserted or reordered", entry.Id)
                : AuditFinding.Chain(AuditFindingKind.EntryNotChained, entry.Id, $"entry #{entry.Id} does not follow entry #{previousId} (previous hash differs): rows were deleted, inserted or reordered", entry.Id, previousId);
        }

        return string.Equals(entry.Hash, ComputeHash(entry), StringComparison.Ordinal)
            ? null
            : AuditFinding.Chain(AuditFindingKind.EntryAltered, entry.Id, $"entry #{entry.Id} was altered (its hash does not match its contents)", entry.Id);
    }

    internal static void AppendInt64(IncrementalHash sha, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        sha.AppendData(bytes);
    }

    internal static void AppendText(IncrementalHash sha, string? value)
    {
        if (value is null)
        {
            sha.AppendData([0]);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> header = stackalloc byte[5];
        header[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], bytes.Length);
        sha.AppendData(header);
        sha.AppendData(bytes);
    }
}
