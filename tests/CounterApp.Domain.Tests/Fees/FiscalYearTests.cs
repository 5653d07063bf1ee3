using CounterApp.Domain.Fees;

namespace CounterApp.Domain.Tests.Fees;

/// <summary>Receipt numbers run per fiscal year (年度, April to March), so the boundary decides the number (R-FE-02).</summary>
[Trait("Rule", "R-FE-02")]
public sealed class FiscalYearTests
{
    [Theory]
    [InlineData(2026, 3, 31, 2025)]
    [InlineData(2026, 4, 1, 2026)]
    [InlineData(2026, 1, 1, 2025)]
    [InlineData(2025, 12, 31, 2025)]
    [InlineData(2026, 12, 31, 2026)]
    [InlineData(2028, 2, 29, 2027)]
    [InlineData(2019, 4, 30, 2019)]
    [InlineData(2019, 5, 1, 2019)]
    public void Of_WhenAroundTheBoundary_IsTheYearInWhichAprilStarted(int y, int m, int d, int fiscalYear)
    {
        Assert.Equal(fiscalYear, FiscalYear.Of(new DateOnly(y, m, d)));
    }

    [Fact]
    public void FirstAndLastDay_WhenFiscalYear2025_Are1April2025And31March2026()
    {
        Assert.Equal(new DateOnly(2025, 4, 1), FiscalYear.FirstDay(2025));
        Assert.Equal(new DateOnly(2026, 3, 31), FiscalYear.LastDay(2025));
    }

    [Fact]
    public void Of_WhenEveryDayFrom2020To2031_LiesBetweenItsFirstAndLastDayAndYearsAreContiguous()
    {
        for (var day = new DateOnly(2020, 1, 1); day <= new DateOnly(2031, 12, 31); day = day.AddDays(1))
        {
            var fy = FiscalYear.Of(day);
            Assert.InRange(day, FiscalYear.FirstDay(fy), FiscalYear.LastDay(fy));
            Assert.Equal(FiscalYear.FirstDay(fy + 1), FiscalYear.LastDay(fy).AddDays(1));
        }
    }
}
