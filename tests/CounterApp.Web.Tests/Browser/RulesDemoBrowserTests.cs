using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Browser;

/// <summary>The rules demo in a real Chromium: the clerk picks, submits, and reads the outcome.</summary>
public sealed class RulesDemoBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-VI-01")]
    public async Task Check_WhenNonPhotoCardAndDriverLicence_ShowsSameDayIssue()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await page.GotoAsync("/rules");
        await page.SelectOptionAsync("#resident", "16322800002");
        await page.SelectOptionAsync("#document-type", "driver-licence");
        await page.FillAsync("#document-expires", "2028-08-20");
        await page.ClickAsync("#check");

        await page.WaitForSelectorAsync("#result");
        Assert.Equal("受付できます。", (await page.InnerTextAsync("#verdict")).Trim());
        Assert.Equal("R-VI-01", await page.GetAttributeAsync("#visit-plan", "data-rule"));
        Assert.Contains("運転免許証", await page.InnerTextAsync("#visit-plan"), StringComparison.Ordinal);
        // The form keeps what the clerk chose after the post.
        Assert.Equal("16322800002", await page.InputValueAsync("#resident"));
    }

    [Fact]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-ID-03")]
    public async Task Check_WhenNonPhotoCardAndExpiredLicence_ShowsTwoVisitsAndTheExpiry()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await page.GotoAsync("/rules");
        await page.SelectOptionAsync("#resident", "16322800002");
        await page.SelectOptionAsync("#document-type", "driver-licence");
        await page.FillAsync("#document-expires", "2026-11-23");
        await page.ClickAsync("#check");

        await page.WaitForSelectorAsync("#result");
        Assert.Equal("R-VI-02", await page.GetAttributeAsync("#visit-plan", "data-rule"));
        Assert.Contains("有効期限（令和8年11月23日）", await page.InnerTextAsync("li[data-rule='R-ID-03']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_WhenEnglishClicked_ShowsTheFormInEnglish()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await page.GotoAsync("/rules");
        await page.ClickAsync("a[lang='en']");

        Assert.Equal("Eligibility check (rules engine demo)", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }
}
