using CounterApp.Domain.Fees;

namespace CounterApp.Web.Documents.Ledger;

/// <summary>One day of the monthly summary: collected per fee item, voided/refunded, and the day's close.</summary>
public sealed record MonthlyLedgerDay(
    DateOnly Day, int Receipts, IReadOnlyDictionary<FeeItem, int> CollectedByItem, int Voided, bool Closed, int? Difference)
{
    public int Collected => CollectedByItem.Values.Sum();

    public int Net => Collected - Voided;
}

/// <summary>手数料月計表: the days of one month at one office, with totals per procedure.</summary>
public sealed record MonthlyLedger(LedgerOffice Office, int Year, int Month, IReadOnlyList<MonthlyLedgerDay> Days)
{
    public int Collected => Days.Sum(d => d.Collected);

    public int Voided => Days.Sum(d => d.Voided);

    public int Net => Collected - Voided;

    public int CollectedFor(FeeItem item) => Days.Sum(d => d.CollectedByItem.GetValueOrDefault(item));
}
