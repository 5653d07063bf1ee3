using CounterApp.Domain.Fees;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounterApp.Web.Features.Voids;

/// <summary>
/// R-FE-03: a clerk's request to void or refund a payment whose issuance failed, waiting for a supervisor who did not
/// ask for it. Approval writes the receipt's <see cref="ReceiptVoid"/>; the request keeps who decided, when and why.
/// </summary>
public sealed class VoidRequestRecord : IVersioned
{
    public long Id { get; set; }

    public long ReceiptId { get; set; }

    public Guid? ApplicationId { get; set; }

    public PaymentVoidKind Kind { get; set; }

    public required string Reason { get; set; }

    public required string RequestedBy { get; set; }

    public DateTime RequestedAt { get; set; }

    public VoidRequestState State { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecisionReason { get; set; }

    public int Version { get; set; }
}

public enum VoidRequestState
{
    Pending,
    Approved,
    Rejected,
}

internal sealed class VoidRequestConfiguration : IEntityTypeConfiguration<VoidRequestRecord>
{
    public void Configure(EntityTypeBuilder<VoidRequestRecord> builder)
    {
        builder.ToTable("void_requests");
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => v.ReceiptId);
        builder.HasIndex(v => v.State);
        builder.HasOne<Receipt>().WithMany().HasForeignKey(v => v.ReceiptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
