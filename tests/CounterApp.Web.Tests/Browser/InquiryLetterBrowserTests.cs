using System.Text.RegularExpressions;
using CounterApp.Domain.Letters;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Support;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// Issue 8's first visit of the two-visit flow in Chromium: 剱 花子 (non-photo card) comes in person without an accepted
/// photo document; the clerk prepares the inquiry letter, marks it mailed on /letters, prints the day's batch, and the
/// application shows 照会書送付済み.
/// </summary>
public sealed partial class InquiryLetterBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-VI-04")]
    [Trait("Rule", "R-VI-05")]
    public async Task FirstVisit_WhenNonPhotoCardWithoutPhotoDocument_PreparesMailsAndPrintsTheLetter()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await IssuanceFlow.StartAsync(browser, page, "ツルギ", "NewIssuance");
        var applicationPath = new Uri(page.Url).AbsolutePath;
        Assert.Matches(ApplicationPath(), applicationPath);

        // A licence whose address is not the registered one does not do: two visits, and the page offers the letter.
        await page.ClickAsync("#check-eligibility");
        await page.WaitForSelectorAsync("#step-documents");
        await page.SelectOptionAsync("#document-type", "driver-licence");
        await page.FillAsync("#document-expires", "2029-04-02");
        await page.UncheckAsync("#document-address");
        await page.SetInputFilesAsync("#document-copy", new FilePayload { Name = "licence.png", MimeType = "image/png", Buffer = IssuanceFlow.ScannedCopy });
        await page.ClickAsync("#record-document");
        await page.WaitForSelectorAsync("#prepare-letter");
        await browser.StepAsync(page, "two-visits");
        Assert.Contains("照会書", await page.InnerTextAsync("#issuance-errors"), StringComparison.Ordinal);

        await page.ClickAsync("#prepare-letter");
        await page.WaitForSelectorAsync("#letter-done");
        await browser.StepAsync(page, "letters");
        var row = page.Locator("#to-mail tbody tr");
        Assert.Equal(1, await row.CountAsync());
        var reference = await row.GetAttributeAsync("data-reference") ?? "";
        Assert.True(InquiryReference.TryParse(reference, out var parsed), reference);
        Assert.Contains("剱", await row.InnerTextAsync(), StringComparison.Ordinal);

        await page.CheckAsync($"#select-{reference}");
        await page.ClickAsync("#mark-mailed");
        await page.WaitForSelectorAsync($"#mailed tr[data-reference='{reference}']");
        await browser.StepAsync(page, "mailed");

        var pdf = await IssuanceFlow.DownloadAsync(page, "#batch-pdf");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));
        Assert.Contains(parsed!.Display, text, StringComparison.Ordinal);
        Assert.Contains("剱", text, StringComparison.Ordinal);

        await page.GotoAsync(applicationPath);
        await page.WaitForSelectorAsync("#state");
        Assert.Contains("照会書送付済み", await page.InnerTextAsync("#state"), StringComparison.Ordinal);
    }

    [GeneratedRegex("^/applications/[0-9a-f-]{36}$")]
    private static partial Regex ApplicationPath();
}
