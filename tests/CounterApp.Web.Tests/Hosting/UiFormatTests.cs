using CounterApp.Web.Data.Audit;
using CounterApp.Web.Hosting;
using CounterApp.Web.Tests.Features.RegisterSync;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>The one formatter of the pages' dates (R-X-04) and the audit rows' labels.</summary>
public sealed class UiFormatTests
{
    [Theory]
    [Trait("Rule", "R-X-04")]
    [InlineData(2026, 12, 8, "令和8年(2026年)12月8日")]
    [InlineData(2019, 5, 1, "令和元年(2019年)5月1日")]
    [InlineData(2019, 4, 30, "平成31年(2019年)4月30日")]
    [InlineData(1873, 1, 1, "明治6年(1873年)1月1日")]
    [InlineData(1872, 12, 31, "1872年12月31日")]
    [InlineData(1, 1, 1, "1年1月1日")]
    public void Date_WhenJapanese_WritesTheEraFirstWithTheGregorianYearAndNeverThrows(int year, int month, int day, string expected)
    {
        using var japanese = new JapaneseUiCulture();

        Assert.Equal(expected, UiFormat.Date(new DateOnly(year, month, day)));
    }

    [Fact]
    [Trait("Rule", "R-X-04")]
    public void Utc_WhenJapanese_WritesTokyoTime()
    {
        using var japanese = new JapaneseUiCulture();

        Assert.Equal("令和8年(2026年)12月9日 8:30", UiFormat.Utc(new DateTime(2026, 12, 8, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("令和8年(2026年)12月9日 8:30:15", UiFormat.InstantSeconds(new DateTimeOffset(2026, 12, 8, 23, 30, 15, TimeSpan.Zero)));
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public void AuditLabels_WhenTheActionIsKnownOrNot_NameItInWordsOrFallBackToTheCode()
    {
        using var japanese = new JapaneseUiCulture();

        Assert.Equal("領収書の発行", AuditLabels.Action("fee.receipt-issued"));
        Assert.Equal("成功", AuditLabels.Outcome("succeeded"));
        Assert.Equal("some.new-action", AuditLabels.Action("some.new-action"));
    }
}
