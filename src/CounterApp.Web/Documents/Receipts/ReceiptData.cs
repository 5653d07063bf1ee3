using CounterApp.Domain.Fees;

namespace CounterApp.Web.Documents.Receipts;

/// <summary>What 領収書 prints for one payment (R-FE-02): its number, when, where, what for, how much, and who took it.</summary>
public sealed record ReceiptData(
    string MunicipalityName,
    string OfficeName,
    string Number,
    DateTimeOffset PaidAt,
    IReadOnlyList<FeeLine> Lines,
    string ClerkName,
    string? CounterName = null,
    string? PayerName = null)
{
    public int Total => Lines.Sum(l => l.Amount);
}
