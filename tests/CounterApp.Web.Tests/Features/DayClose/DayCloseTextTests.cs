using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.DayClose;

/// <summary>The day close page writes its day and the closing time in the era form (R-X-04), never ISO.</summary>
public sealed class DayCloseTextTests
{
    [Fact]
    [Trait("Rule", "R-X-04")]
    [Trait("Rule", "R-FE-04")]
    public async Task Page_WhenTheSupervisorOpensAndClosesTheDay_ShowsEraDatesAndNoIsoDate()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var open = ShownText.Of(await client.GetStringAsync(new Uri("/supervisor/day", UriKind.Relative)));
        var (_, closedHtml) = await FormPoster.PostAsync(client, "/supervisor/day", "close-day", new Dictionary<string, string>
        {
            ["Form.Day"] = "2026-11-24",
            ["Form.ExpectedReviewed"] = "0",
            ["Form.CashCounted"] = "0",
        });
        var closed = ShownText.Of(closedHtml);

        Assert.Contains("令和8年(2026年)11月24日 の手数料日計", open, StringComparison.Ordinal);
        Assert.Contains("令和8年(2026年)11月24日 の日計を締めました", closed, StringComparison.Ordinal);
        Assert.Contains("締め済み：係長 二郎（令和8年(2026年)11月24日 10:00）", closed, StringComparison.Ordinal);
        Assert.Empty(ShownText.Findings(open));
        Assert.Empty(ShownText.Findings(closed));
    }
}
