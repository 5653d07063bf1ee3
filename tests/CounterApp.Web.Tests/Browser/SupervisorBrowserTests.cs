using System.Text;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.AuditViewer;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// Issue 8's supervisor pages in Chromium: the audit log filtered to sign-ins, the chain verified, the CSV downloaded;
/// then the day closed and its ledger PDF downloaded.
/// </summary>
public sealed class SupervisorBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-X-01")]
    [Trait("Rule", "R-FE-04")]
    public async Task Supervisor_WhenAuditingAndClosingTheDay_SeesSignInsVerifiesExportsClosesAndPrints()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Supervisor);

        await page.ClickAsync("#tile-audit");
        await page.WaitForURLAsync("**/supervisor/audit**");
        await page.GetByLabel("手続・操作").FillAsync("staff.");
        await page.ClickAsync("#apply-filter");
        await page.WaitForURLAsync("**action=staff.**");
        var table = await page.InnerTextAsync("#audit-table");
        Assert.Contains("staff.signed-in", table, StringComparison.Ordinal);
        Assert.Contains("supervisor", table, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-town.created", table, StringComparison.Ordinal);
        await browser.StepAsync(page, "audit-filtered");

        await page.ClickAsync("#verify-chain");
        await page.WaitForSelectorAsync("#verify-ok");
        Assert.Matches("^[0-9a-f]{64}$", (await page.InnerTextAsync("#verify-head-hash")).Trim());
        await browser.StepAsync(page, "audit-verified");

        var href = await page.GetAttributeAsync("#export-csv", "href") ?? throw new InvalidOperationException("#export-csv has no href.");
        Assert.Contains("action=staff.", href, StringComparison.Ordinal);
        var csv = await page.Context.APIRequest.GetAsync(href);
        Assert.True(csv.Ok, $"{href} answered {csv.Status}.");
        Assert.Equal("text/csv", csv.Headers["content-type"].Split(';')[0]);
        var body = await csv.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, body[..3]);
        var lines = Encoding.UTF8.GetString(body[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", AuditCsv.Header), lines[0]);
        Assert.Contains(lines, l => l.Contains(",staff.signed-in,", StringComparison.Ordinal));

        await page.GotoAsync("/");
        await page.ClickAsync("#tile-day");
        await page.WaitForSelectorAsync("#day-open");
        await page.GetByLabel("現金実査額（円）").FillAsync("0");
        await browser.StepAsync(page, "day-before-close");
        await page.ClickAsync("#close-day");
        await page.WaitForSelectorAsync("#day-closed");
        Assert.Contains("係長 二郎", await page.InnerTextAsync("#day-closed"), StringComparison.Ordinal);
        await browser.StepAsync(page, "day-closed");

        var pdf = await IssuanceFlow.DownloadAsync(page, "#ledger-pdf");
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }
}
