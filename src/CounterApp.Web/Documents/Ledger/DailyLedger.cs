using CounterApp.Domain.Fees;

namespace CounterApp.Web.Documents.Ledger;

/// <summary>The office a ledger belongs to.</summary>
public sealed record LedgerOffice(string MunicipalityName, string OfficeName, string OfficeCode);

/// <summary>A receipt taken on the ledger day (R-FE-04). <paramref name="VoidedAs"/> only when voided or refunded on that same day.</summary>
public sealed record LedgerReceipt(
    DateTimeOffset PaidAt, string Counter, string Clerk, string Number, IReadOnlyList<FeeLine> Lines, int Total, PaymentVoidKind? VoidedAs = null);

/// <summary>
/// A void or refund made on the ledger day (R-FE-03). When the receipt belongs to an earlier day it is an adjustment:
/// the earlier, closed day stays as it was and the money goes out of today's drawer.
/// </summary>
public sealed record LedgerVoid(
    DateTimeOffset At, string ReceiptNumber, DateOnly ReceiptDay, PaymentVoidKind Kind, string Reason,
    string RequestedBy, string ApprovedBy, IReadOnlyList<FeeLine> Lines, int Amount);

/// <summary>Who closed the day, and when.</summary>
public sealed record LedgerClosing(string Supervisor, DateTimeOffset ClosedAt);

/// <summary>One line of a subtotal table: receipts and their amount, voids/refunds and theirs, and what remains.</summary>
public sealed record LedgerSubtotal(string Name, int Count, int Collected, int VoidCount, int Voided)
{
    public int Net => Collected - Voided;
}

/// <summary>
/// 手数料日計表 (R-FE-04): one office, one day. The expected cash is what was collected minus what was voided or
/// refunded that day; the difference is the counted cash minus the expected.
/// </summary>
public sealed class DailyLedger
{
    public DailyLedger(
        LedgerOffice office, DateOnly day, IReadOnlyList<LedgerReceipt> receipts, IReadOnlyList<LedgerVoid> voids, int? cashCounted, LedgerClosing? closing)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(receipts);
        ArgumentNullException.ThrowIfNull(voids);
        Office = office;
        Day = day;
        Receipts = receipts;
        Voids = voids;
        CashCounted = cashCounted;
        Closing = closing;
    }

    public LedgerOffice Office { get; }

    public DateOnly Day { get; }

    public IReadOnlyList<LedgerReceipt> Receipts { get; }

    public IReadOnlyList<LedgerVoid> Voids { get; }

    public int? CashCounted { get; }

    public LedgerClosing? Closing { get; }

    public int Collected => Receipts.Sum(r => r.Total);

    public int Voided => Voids.Sum(v => v.Amount);

    /// <summary>現金あるべき額.</summary>
    public int Expected => Collected - Voided;

    /// <summary>過不足: counted minus expected; null until the cash is counted.</summary>
    public int? Difference => CashCounted - Expected;

    /// <summary>Per fee item (the procedure paid for), in the order of <see cref="FeeItem"/>.</summary>
    public IReadOnlyList<LedgerSubtotal> ByProcedure()
    {
        var collected = Receipts.SelectMany(r => r.Lines).ToLookup(l => l.Item);
        var voided = Voids.SelectMany(v => v.Lines).ToLookup(l => l.Item);
        return Enum.GetValues<FeeItem>()
            .Where(item => collected.Contains(item) || voided.Contains(item))
            .Select(item => new LedgerSubtotal(
                DocumentFormat.FeeItemShortName(item),
                collected[item].Count(),
                collected[item].Sum(l => l.Amount),
                voided[item].Count(),
                voided[item].Sum(l => l.Amount)))
            .ToList();
    }

    /// <summary>Per clerk: receipts they took, and voids/refunds they handed out that day (the cash left their drawer).</summary>
    public IReadOnlyList<LedgerSubtotal> ByClerk()
    {
        var names = Receipts.Select(r => r.Clerk).Concat(Voids.Select(v => v.RequestedBy)).Distinct(StringComparer.Ordinal);
        return names
            .Select(name => new LedgerSubtotal(
                name,
                Receipts.Count(r => r.Clerk == name),
                Receipts.Where(r => r.Clerk == name).Sum(r => r.Total),
                Voids.Count(v => v.RequestedBy == name),
                Voids.Where(v => v.RequestedBy == name).Sum(v => v.Amount)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }
}
