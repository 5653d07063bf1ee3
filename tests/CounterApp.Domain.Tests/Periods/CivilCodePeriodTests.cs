using CounterApp.Domain.Periods;

namespace CounterApp.Domain.Tests.Periods;

[Trait("Rule", "R-CE-03")]
public sealed class CivilCodePeriodTests
{
    [Theory]
    [InlineData(2026, 11, 22, 2029, 11, 22)]
    [InlineData(2026, 12, 31, 2029, 12, 31)] // 起算日 1 Jan: ends with the year
    [InlineData(2026, 1, 31, 2029, 1, 31)]
    [InlineData(2026, 4, 30, 2029, 4, 30)]
    [InlineData(2028, 2, 28, 2031, 2, 28)] // 起算日 29 Feb 2028; 2031 has no 29 Feb: end of February
    [InlineData(2028, 2, 29, 2031, 2, 28)] // 起算日 1 Mar: the day before 1 Mar 2031
    [InlineData(2027, 2, 28, 2030, 2, 28)]
    [InlineData(2027, 2, 27, 2030, 2, 27)]
    [InlineData(2024, 2, 29, 2027, 2, 28)]
    [InlineData(2025, 2, 28, 2028, 2, 29)] // 起算日 1 Mar 2025: the day before 1 Mar 2028 is the leap day
    [InlineData(2025, 2, 27, 2028, 2, 27)]
    public void EndOfYears_WhenThreeYears_EndsTheDayBeforeTheCorrespondingDayOrWithTheMonth(int y, int m, int d, int ey, int em, int ed)
    {
        Assert.Equal(new DateOnly(ey, em, ed), CivilCodePeriod.EndOfYears(new DateOnly(y, m, d), 3));
    }

    [Theory]
    [InlineData(2026, 1, 27, 1, 2026, 2, 27)]
    [InlineData(2026, 1, 28, 1, 2026, 2, 28)] // 起算日 29 Jan; no 29 Feb in 2026
    [InlineData(2028, 1, 28, 1, 2028, 2, 28)] // 起算日 29 Jan; 29 Feb 2028 exists: the day before
    [InlineData(2026, 1, 29, 1, 2026, 2, 28)]
    [InlineData(2028, 1, 30, 1, 2028, 2, 29)]
    [InlineData(2026, 1, 31, 1, 2026, 2, 28)] // 起算日 1 Feb: the day before 1 Mar
    [InlineData(2026, 3, 30, 1, 2026, 4, 30)] // 起算日 31 Mar; no 31 Apr
    [InlineData(2026, 11, 29, 3, 2027, 2, 28)]
    [InlineData(2026, 11, 30, 3, 2027, 2, 28)]
    [InlineData(2026, 12, 31, 12, 2027, 12, 31)]
    public void EndOfMonths_WhenMonthEndsDiffer_EndsTheDayBeforeTheCorrespondingDayOrWithTheMonth(int y, int m, int d, int months, int ey, int em, int ed)
    {
        Assert.Equal(new DateOnly(ey, em, ed), CivilCodePeriod.EndOfMonths(new DateOnly(y, m, d), months));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void EndOfYears_WhenNotPositive_Throws(int years)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CivilCodePeriod.EndOfYears(new DateOnly(2026, 11, 22), years));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void EndOfMonths_WhenNotPositive_Throws(int months)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CivilCodePeriod.EndOfMonths(new DateOnly(2026, 11, 22), months));
    }
}
