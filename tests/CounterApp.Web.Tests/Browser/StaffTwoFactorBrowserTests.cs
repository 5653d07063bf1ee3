using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Features.StaffAccounts;
using CounterApp.Web.Tests.Support;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Browser;

/// <summary>The app with two-factor sign-in enforced for supervisors (administrators sign in with a password here).</summary>
public sealed class SupervisorTwoFactorFixture() : BrowserFixture(Enforcing())
{
    private static CounterAppFactory Enforcing()
    {
        var app = new CounterAppFactory();
        app.Settings["Security:TwoFactorRoles"] = StaffRoles.Supervisor;
        return app;
    }
}

/// <summary>
/// Issue 8's staff accounts in Chromium: an administrator creates a supervisor; the supervisor signs in, must enrol an
/// authenticator app (the code computed here from the key the page shows), signs out, and signs in again with a code.
/// </summary>
public sealed class StaffTwoFactorBrowserTests(SupervisorTwoFactorFixture browser) : IClassFixture<SupervisorTwoFactorFixture>, IAsyncDisposable
{
    private const string NewPassword = "Kakari-first-2026!";

    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task NewSupervisor_WhenSigningIn_EnrolsAnAuthenticatorThenSignsInWithACode()
    {
        var admin = await browser.SignedInPageAsync(StaffRoles.Administrator);
        await admin.GotoAsync("/admin");
        await admin.ClickAsync("#tile-admin-staff");
        await admin.WaitForURLAsync("**/admin/staff");
        await admin.FillAsync("#new-user-name", "kakari.h");
        await admin.FillAsync("#new-display-name", "係長 花子");
        await admin.SelectOptionAsync("#new-office", new SelectOptionValue { Index = 1 });
        await admin.CheckAsync("#new-role-Supervisor");
        await admin.FillAsync("#new-password", NewPassword);
        await admin.ClickAsync("#create-staff");
        await admin.WaitForSelectorAsync("#staff-created");
        var row = await admin.InnerTextAsync("tr[data-user='kakari.h']");
        Assert.Contains("係長 花子", row, StringComparison.Ordinal);
        Assert.Contains("未設定", row, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, await admin.ContentAsync(), StringComparison.Ordinal);
        await browser.StepAsync(admin, "supervisor-created");

        var supervisor = await browser.NewPageAsync();
        await SignInAsync(supervisor);
        await supervisor.WaitForURLAsync("**/account/two-factor");
        Assert.True(await supervisor.IsVisibleAsync("#two-factor-required"));
        Assert.True(await supervisor.IsVisibleAsync("#authenticator-qr"));
        var key = (await supervisor.InnerTextAsync("#authenticator-key")).Replace(" ", string.Empty, StringComparison.Ordinal);
        await browser.StepAsync(supervisor, "enrolment-shown");
        // Nothing else opens before enrolment.
        await supervisor.GotoAsync("/supervisor/approvals");
        await supervisor.WaitForURLAsync("**/account/two-factor");

        await supervisor.FillAsync("#enrol-code", Totp.Code(key));
        await supervisor.ClickAsync("#enrol-submit");
        await supervisor.WaitForSelectorAsync("#recovery-codes");
        Assert.Equal(10, await supervisor.Locator("#recovery-codes li").CountAsync());
        await browser.StepAsync(supervisor, "enrolled");
        await supervisor.ClickAsync("#two-factor-continue");
        await supervisor.WaitForURLAsync("**/counter**");
        await supervisor.ClickAsync("#choose-counter");
        await supervisor.WaitForSelectorAsync("#header-counter");

        await supervisor.ClickAsync("#sign-out");
        await supervisor.WaitForURLAsync("**/account/login**");
        await SignInAsync(supervisor);
        await supervisor.WaitForURLAsync("**/account/login/two-factor**");
        await supervisor.FillAsync("#two-factor-code", Totp.Code(key, 1));
        await supervisor.ClickAsync("#second-step-submit");
        await supervisor.WaitForURLAsync("**/counter**");
        await supervisor.ClickAsync("#choose-counter");
        await supervisor.WaitForSelectorAsync("#header-counter");
        Assert.Contains("係長 花子", await supervisor.InnerTextAsync("#header-staff"), StringComparison.Ordinal);
        await browser.StepAsync(supervisor, "signed-in-with-code");

        await admin.GotoAsync("/admin/staff");
        Assert.Contains("設定済み", await admin.InnerTextAsync("tr[data-user='kakari.h']"), StringComparison.Ordinal);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#user-name", "kakari.h");
        await page.FillAsync("#password", NewPassword);
        await page.ClickAsync("button[type=submit]");
    }
}
