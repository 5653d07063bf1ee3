namespace CounterApp.Domain.Fees;

/// <summary>The Japanese fiscal year (年度), April to March, named by the year it starts in: 2026-03-31 is FY2025.</summary>
public static class FiscalYear
{
    public static int Of(DateOnly day) => day.Month >= 4 ? day.Year : day.Year - 1;

    public static DateOnly FirstDay(int fiscalYear) => new(fiscalYear, 4, 1);

    public static DateOnly LastDay(int fiscalYear) => new(fiscalYear + 1, 3, 31);
}
