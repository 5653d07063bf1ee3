using CounterApp.Domain.Fees;

namespace CounterApp.Web.Data.Receipts;

/// <summary>A payment to receipt: the office whose sequence numbers it, the fee lines (R-FE-01) and the clerk.</summary>
public sealed record ReceiptRequest(int OfficeId, IReadOnlyList<FeeLine> Lines, string Clerk)
{
    public int? CounterId { get; init; }

    public Guid? ApplicationId { get; init; }

    /// <summary>For the audit entry: the resident who paid.</summary>
    public string? ResidentCode { get; init; }
}
