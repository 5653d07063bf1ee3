using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// Issue 12: a sign-in link carrying <c>ReturnUrl=%2F%09%2Fevil.example%2F</c> made the administrator's 「続ける」 link
/// on /counter point to http://evil.example/ in Chromium (which drops the tab and reads "//" as another host).
/// </summary>
public sealed class OpenRedirectBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task ContinueLink_WhenTheSignInLinkCarriesATabbedReturnUrl_StaysOnTheSite()
    {
        await StaffSignIn.PreparePasswordAsync(browser.App.Services, StaffRoles.Administrator);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=%2F%09%2Fevil.example%2F");
        await page.FillAsync("#user-name", StaffSignIn.UserNameOf(StaffRoles.Administrator));
        await page.FillAsync("#password", StaffSignIn.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/counter**");
        await browser.StepAsync(page, "counter");

        // The href as Chromium resolves it, before anything is followed.
        var href = await page.EvalOnSelectorAsync<string>("#no-counter-needed a", "a => a.href");
        Assert.Equal(new Uri(browser.BaseAddress, "/").ToString(), href);
        await page.ClickAsync("#no-counter-needed a");
        await page.WaitForURLAsync(new Uri(browser.BaseAddress, "/").ToString());
        Assert.Equal(browser.BaseAddress.Authority, new Uri(page.Url).Authority);
    }
}
