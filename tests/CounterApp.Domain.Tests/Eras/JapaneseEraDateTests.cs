using CounterApp.Domain.Eras;

namespace CounterApp.Domain.Tests.Eras;

[Trait("Rule", "R-X-04")]
public sealed class JapaneseEraDateTests
{
    [Theory]
    [InlineData(2026, 11, 22, "令和8年11月22日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(2020, 1, 1, "令和2年1月1日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    [InlineData(1989, 1, 7, "昭和64年1月7日")]
    [InlineData(1926, 12, 25, "昭和元年12月25日")]
    [InlineData(1926, 12, 24, "大正15年12月24日")]
    [InlineData(1912, 7, 30, "大正元年7月30日")]
    [InlineData(1912, 7, 29, "明治45年7月29日")]
    [InlineData(1873, 1, 1, "明治6年1月1日")]
    public void Format_WhenDateOnEitherSideOfEraChange_UsesTheEraInForceThatDay(int y, int m, int d, string expected)
    {
        Assert.Equal(expected, JapaneseEraDate.Format(new DateOnly(y, m, d)));
    }

    [Fact]
    public void Format_WhenGregorianYearAsked_AddsItInParentheses()
    {
        Assert.Equal("令和8年(2026年)11月22日", JapaneseEraDate.Format(new DateOnly(2026, 11, 22), withGregorianYear: true));
        Assert.Equal("令和元年(2019年)5月1日", JapaneseEraDate.Format(new DateOnly(2019, 5, 1), withGregorianYear: true));
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Format_WhenBeforeGregorianReform_WritesTheGregorianDateInsteadOfThrowing()
    {
        Assert.Equal("1872年12月31日", JapaneseEraDate.Format(new DateOnly(1872, 12, 31)));
        Assert.Equal("1年1月1日", JapaneseEraDate.Format(DateOnly.MinValue, withGregorianYear: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseEraDate.EraOf(new DateOnly(1872, 12, 31)));
    }

    [Fact]
    public void EraOf_WhenEveryDay1873To2050_AgreesWithDotNetJapaneseCalendar()
    {
        // An independent formulation: .NET's JapaneseCalendar knows the same era boundaries.
        var calendar = new System.Globalization.JapaneseCalendar();
        for (var day = new DateOnly(1873, 1, 1); day <= new DateOnly(2050, 12, 31); day = day.AddDays(1))
        {
            var dt = day.ToDateTime(TimeOnly.MinValue);
            var (_, year) = JapaneseEraDate.EraOf(day);
            Assert.Equal(calendar.GetYear(dt), year);
        }
    }
}
