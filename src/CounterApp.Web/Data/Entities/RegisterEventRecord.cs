using CounterApp.Domain.Revocation;

namespace CounterApp.Web.Data.Entities;

/// <summary>A change event received from the resident register; the event ID makes delivery idempotent.</summary>
public sealed class RegisterEventRecord
{
    public required string EventId { get; set; }

    public RegisterEventKind Kind { get; set; }

    public required string ResidentCode { get; set; }

    public DateTime OccurredAt { get; set; }

    public DateTime ReceivedAt { get; set; }

    public required string Payload { get; set; }
}

/// <summary>R-RV-02 (and renewal, R-RV-01): a revocation decided by the counter, carried out by the CA.</summary>
public sealed class RevocationRequestRecord
{
    public long Id { get; set; }

    public long CertificateId { get; set; }

    public RevocationReason Reason { get; set; }

    public DateTime EffectiveAt { get; set; }

    public required string RuleId { get; set; }

    public required string Cause { get; set; }

    public DateTime RequestedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }
}
