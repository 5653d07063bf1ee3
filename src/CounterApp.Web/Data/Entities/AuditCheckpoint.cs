namespace CounterApp.Web.Data.Entities;

/// <summary>
/// R-X-01: a keyed checkpoint of the audit log's head, so a cut end or a chain rewritten with recomputed hashes is
/// caught: the head entry's id and hash and the number of entries then, at a time, under an HMAC-SHA256 whose key is
/// kept outside the database (see <see cref="Audit.AuditCheckpointKey"/>). Checkpoints have their own consecutive
/// ids, so a deleted one shows as a gap. Append-only, like the log.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The id of the newest audit entry when the checkpoint was made.</summary>
    public long HeadId { get; set; }

    /// <summary>That entry's chain hash.</summary>
    public required string HeadHash { get; set; }

    /// <summary>The number of audit entries then.</summary>
    public long EntryCount { get; set; }

    /// <summary>Why it was made: <c>scheduled</c> or <c>day-close</c>.</summary>
    public required string Reason { get; set; }

    /// <summary>The check value of the key that made <see cref="Mac"/> (16 hex digits).</summary>
    public required string KeyId { get; set; }

    /// <summary>HMAC-SHA256 over all the fields above, lower-case hex.</summary>
    public required string Mac { get; set; }
}
