namespace CounterApp.Web.Data.Entities;

/// <summary>A reader agent on a counter PC: enrolled with a one-time code, then authenticated by its own key.</summary>
public sealed class ReaderAgentRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public int? CounterId { get; set; }

    /// <summary>Hash of the one-time enrolment code while enrolment is pending.</summary>
    public string? EnrolmentCodeHash { get; set; }

    public DateTime? EnrolmentExpiresAt { get; set; }

    /// <summary>The agent's public key (SubjectPublicKeyInfo) once enrolled.</summary>
    public byte[]? PublicKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSeenAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
