using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using CounterApp.Web.Tests.Support;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// In Chromium, under the app's Content-Security-Policy (only its own scripts and styles, nothing inline): walking the
/// main pages as each role, every page arrives with the policy and Chromium reports no violation of it, so no page
/// still relies on an inline script, an event-handler attribute or a style attribute.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private static readonly string[] ClerkPages =
    [
        "/counter", "/residents", "/residents?q=かみいち", "/residents/1", "/residents/1/card-services", "/applications/second-visit",
        "/letters", "/rules", "/ca/fingerprint", "/account/password", "/account/two-factor", "/no-such-page",
    ];

    private static readonly string[] SupervisorPages =
    [
        "/counter", "/supervisor/day", "/supervisor/audit", "/supervisor/approvals", "/supervisor/receipts", "/supervisor/voids", "/ca/fingerprint",
    ];

    private static readonly string[] AdministratorPages =
    [
        "/admin", "/admin/agents", "/admin/ca", "/admin/deadlines", "/admin/documents", "/admin/fees", "/admin/hours", "/admin/offices",
        "/admin/periods", "/admin/staff", "/ca/fingerprint",
    ];

    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    public async Task SignInPage_WhenAPageTriesAnInlineStyle_ChromiumReportsTheViolation()
    {
        // The detector the walks below rely on: an inline style attribute is refused and reported on the console.
        var page = await browser.NewPageAsync();
        var violations = Watch(page);
        await OpenAsync(page, "/account/login");

        await page.EvaluateAsync("() => { const d = document.createElement('div'); d.setAttribute('style', 'color: red'); document.body.appendChild(d); }");
        await WaitForAsync(() => violations.Count > 0);

        Assert.Contains(violations, v => v.Contains("style-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MainPages_WhenWalkedAsEachRole_ReportNoContentSecurityPolicyViolation()
    {
        var anonymous = await browser.NewPageAsync();
        var seen = Watch(anonymous);
        await OpenAsync(anonymous, "/account/login");

        foreach (var (role, paths) in new[] { (StaffRoles.Clerk, ClerkPages), (StaffRoles.Supervisor, SupervisorPages), (StaffRoles.Administrator, AdministratorPages) })
        {
            var page = await browser.SignedInPageAsync(role);
            var violations = Watch(page);
            foreach (var path in paths)
            {
                await OpenAsync(page, path);
            }

            // The fingerprint comparison's verdict (once shown with style attributes) and the issuance pages' own script.
            await OpenAsync(page, "/ca/fingerprint");
            await page.FillAsync("#fingerprint", new string('0', 64));
            await page.ClickAsync("#compare");
            await page.WaitForSelectorAsync("#fingerprint-result .verdict");
            if (role == StaffRoles.Clerk)
            {
                await IssuanceFlow.StartAsync(browser, page, "つるぎ", "NewIssuance");
            }

            // The reader-state script polls every 2 s: give a late violation time to show.
            await page.WaitForTimeoutAsync(2_500);
            Assert.True(violations.Count == 0, $"{role}: {string.Join(" | ", violations)}");
        }

        Assert.True(seen.Count == 0, $"anonymous: {string.Join(" | ", seen)}");
    }

    /// <summary>Goes to <paramref name="path"/> and checks the page came with the app's policy.</summary>
    private static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        await page.WaitForLoadStateAsync(LoadState.Load);
        var headers = await response.AllHeadersAsync();
        Assert.True(headers.TryGetValue("content-security-policy", out var policy), $"{path} came without a Content-Security-Policy.");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
    }

    /// <summary>Chromium's console messages about the policy (a refused script, style, connection or frame).</summary>
    private static List<string> Watch(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return violations;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
