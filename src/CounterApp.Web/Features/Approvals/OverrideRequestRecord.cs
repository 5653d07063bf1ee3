using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounterApp.Web.Features.Approvals;

/// <summary>
/// R-HR-03 / R-ID-02: a member of staff's request that a supervisor set aside a refusal of one application's step
/// (counter hours, or an identity document whose address is not updated), waiting for a supervisor who did not ask
/// for it. The request keeps who decided, when and why; an approved one is passed to the Domain when the step re-runs.
/// </summary>
public sealed class OverrideRequestRecord : IVersioned
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The override rule: "R-HR-03" (hours, R-HR-01/02) or "R-ID-02" (address).</summary>
    public required string RuleId { get; set; }

    public required string Reason { get; set; }

    public required string RequestedBy { get; set; }

    public DateTime RequestedAt { get; set; }

    public OverrideRequestState State { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecisionReason { get; set; }

    public int Version { get; set; }
}

public enum OverrideRequestState
{
    Pending,
    Approved,
    Rejected,
}

internal sealed class OverrideRequestConfiguration : IEntityTypeConfiguration<OverrideRequestRecord>
{
    public void Configure(EntityTypeBuilder<OverrideRequestRecord> builder)
    {
        builder.ToTable("override_requests");
        builder.Property(o => o.RuleId).HasMaxLength(16);
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => o.ApplicationId);
        builder.HasIndex(o => o.State);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
