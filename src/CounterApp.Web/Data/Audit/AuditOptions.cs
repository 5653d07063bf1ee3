namespace CounterApp.Web.Data.Audit;

/// <summary>Section "Audit": the keyed checkpoints of the audit log's head (R-X-01).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// How often the head is checkpointed (when it moved). Default 5 minutes: entries written after the last
    /// checkpoint can be cut without a trace, so this is the window an attacker with database access has.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The checkpoint key file; default <c>keys/audit-checkpoints.key</c> in the data folder (Database:DataDirectory).</summary>
    public string? CheckpointKeyFile { get; set; }
}
