using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// R-CA-04 as the demo shows it in Chromium: on the card step the clerk puts another resident's card into the
/// simulated reader, the card step refuses it naming that card, and the resident's own card then goes through.
/// </summary>
public sealed class CardOwnerBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private const string Password = "KAMI2026";

    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-CA-04")]
    public async Task CardStep_WhenTheClerkInsertsAnotherResidentsCard_IsRefusedNamingItThenTheirOwnCardIssues()
    {
        await browser.EmptySimulatedReadersAsync();
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await IssuanceFlow.StartAsync(browser, page, "ｶﾐｲﾁ", "NewIssuance");
        await IssuanceFlow.ThroughFeeAsync(browser, page, new DateOnly(2029, 4, 2));

        // 剱 花子's card (K0002) instead of 上市 太郎's own.
        await page.WaitForSelectorAsync("#simulated-reader");
        var pin = (await page.InnerTextAsync("#demo-card-pin")).Trim();
        var hanakos = await page.GetAttributeAsync("#simulated-card option[data-card-number='K0002']", "value") ?? throw new InvalidOperationException("K0002 is not offered.");
        await page.SelectOptionAsync("#simulated-card", hanakos);
        await page.ClickAsync("#simulated-insert");
        await page.WaitForSelectorAsync("#simulated-remove");
        await page.FillAsync("#card-pin", pin);
        await page.FillAsync("#password", Password);
        await page.FillAsync("#password-confirmation", Password);
        await page.ClickAsync("#issue-card");
        await page.WaitForSelectorAsync("#issuance-message", new() { Timeout = 60_000 });
        await browser.StepAsync(page, "another-card-refused");

        var message = await page.InnerTextAsync("#issuance-message");
        Assert.Contains($"カード番号 K0002、ICチップ番号 {SimulatedCards.SerialFor("K0002")}", message, StringComparison.Ordinal);
        Assert.Contains("R-CA-04", message, StringComparison.Ordinal);
        Assert.DoesNotContain("剱", message, StringComparison.Ordinal);
        Assert.NotNull(await page.QuerySelectorAsync("#step-card"));

        // The clerk takes the card out and puts the resident's own card in: the same application issues.
        await page.ClickAsync("#simulated-remove");
        await page.WaitForSelectorAsync("#simulated-insert");
        Assert.Equal("K0001", await page.GetAttributeAsync("#simulated-card option:checked", "data-card-number"));
        await page.ClickAsync("#simulated-insert");
        await page.WaitForSelectorAsync("#simulated-remove");
        await IssuanceFlow.IssueAsync(browser, page, pin, Password);
    }
}
