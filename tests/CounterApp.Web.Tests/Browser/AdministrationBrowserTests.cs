using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// Issue 8's administrator in Chromium: the afternoon session ending before it starts is refused with the message,
/// a valid end is saved and audited; and a clerk's URL access to the admin pages is refused.
/// </summary>
public sealed class AdministrationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-HR-01")]
    [Trait("Rule", "R-X-01")]
    public async Task Administrator_WhenChangingTheAfternoonSession_IsRefusedBeforeItsStartThenSavesAndAudits()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Administrator);
        await page.GotoAsync("/");
        await page.ClickAsync("#tile-admin");
        await page.WaitForURLAsync("**/admin");
        await page.ClickAsync("#tile-admin-hours");
        await page.WaitForURLAsync("**/admin/hours");
        await browser.StepAsync(page, "hours-opened");

        await page.FillAsync("#session-1-end", "12:30");
        await page.ClickAsync("#save-hours");
        await page.WaitForSelectorAsync("#admin-error");
        var error = await page.InnerTextAsync("#admin-error");
        Assert.Contains("2番目の受付時間の終了時刻（12:30）が開始時刻（13:00）より前", error, StringComparison.Ordinal);
        Assert.Contains("13:00–16:30", await page.InnerTextAsync("#current-hours"), StringComparison.Ordinal);
        await browser.StepAsync(page, "hours-refused");

        await page.FillAsync("#session-1-end", "17:00");
        await page.ClickAsync("#save-hours");
        await page.WaitForSelectorAsync("#admin-saved");
        Assert.Equal("08:30–12:00, 13:00–17:00", (await page.InnerTextAsync("#current-hours")).Trim());
        await browser.StepAsync(page, "hours-saved");

        await page.GotoAsync("/supervisor/audit?action=admin.office-hours");
        var audit = await page.InnerTextAsync("#audit-table");
        Assert.Contains("admin.office-hours.changed", audit, StringComparison.Ordinal);
        Assert.Contains("13:00–17:00", audit, StringComparison.Ordinal);

        await page.GotoAsync("/admin/agents");
        await page.FillAsync("#agent-name", "窓口2-PC");
        await page.SelectOptionAsync("#agent-counter", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("#issue-code");
        await page.WaitForSelectorAsync("#enrolment-code");
        var code = (await page.InnerTextAsync("#enrolment-code")).Trim();
        Assert.False(string.IsNullOrEmpty(code));
        Assert.Contains("窓口2-PC", await page.InnerTextAsync("#agents-table"), StringComparison.Ordinal);
        await browser.StepAsync(page, "code-issued");
        await page.GotoAsync("/admin/agents");
        Assert.DoesNotContain(code, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-EL-06")]
    public async Task Administrator_WhenSettingALastAcceptanceMomentInThePast_TheClerksEligibilityCheckIsRefusedWithThatDate()
    {
        var admin = await browser.SignedInPageAsync(StaffRoles.Administrator);
        await admin.GotoAsync("/admin");
        await admin.ClickAsync("#tile-admin-organization");
        await admin.WaitForURLAsync("**/admin/offices");
        await admin.ClickAsync("#nav-deadlines");
        await admin.WaitForURLAsync("**/admin/deadlines");
        await admin.FillAsync("#deadline-NewIssuance-date", "2026-11-20");
        await admin.FillAsync("#deadline-NewIssuance-time", "17:00");
        await admin.ClickAsync("#save-deadlines");
        await admin.WaitForSelectorAsync("#admin-saved");
        Assert.Equal("令和8年(2026年)11月20日 17:00", (await admin.InnerTextAsync("#deadline-NewIssuance-current")).Trim());
        await browser.StepAsync(admin, "deadline-saved");

        var clerk = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await IssuanceFlow.StartAsync(browser, clerk, "つるぎ", "NewIssuance");
        await clerk.ClickAsync("#check-eligibility");
        await clerk.WaitForSelectorAsync("li[data-rule=\"R-EL-06\"]");
        var refusal = await clerk.InnerTextAsync("li[data-rule=\"R-EL-06\"]");
        Assert.Contains("令和8年11月20日", refusal, StringComparison.Ordinal);
        Assert.Contains("17:00", refusal, StringComparison.Ordinal);
        await browser.StepAsync(clerk, "eligibility-refused");
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Clerk_WhenOpeningAdminByUrl_IsRefused()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);

        await page.GotoAsync("/admin/hours");

        await page.WaitForSelectorAsync("#access-denied");
        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#hours-form").CountAsync());
    }
}
