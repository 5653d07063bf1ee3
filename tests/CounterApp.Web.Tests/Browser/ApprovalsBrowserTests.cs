using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Browser;

/// <summary>The app on Tuesday 2026-11-24 at 18:00 JST, after the counter closed (R-HR-01).</summary>
public sealed class EveningBrowserFixture : BrowserFixture
{
    public EveningBrowserFixture()
        : base(new EveningAppFactory())
    {
    }

    private sealed class EveningAppFactory : CounterAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FixedTimeProvider(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.FromHours(9))));
            });
        }
    }
}

/// <summary>R-HR-03: outside hours a clerk asks for an override; a supervisor cannot approve their own; another one approves.</summary>
public sealed class ApprovalsBrowserTests(EveningBrowserFixture browser) : IClassFixture<EveningBrowserFixture>, IAsyncDisposable
{
    private const string SecondSupervisor = "supervisor2";
    private const string SecondPassword = "Second-supervisor-7Q";

    [Fact]
    [Trait("Rule", "R-HR-03")]
    [Trait("Rule", "R-HR-01")]
    public async Task Override_WhenAnotherSupervisorApprovesTheClerksRequest_LetsEligibilityPassOutsideHours()
    {
        var clerk = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await IssuanceFlow.StartAsync(browser, clerk, "つるぎ", "NewIssuance");
        await clerk.ClickAsync("#check-eligibility");
        await clerk.WaitForSelectorAsync("#request-override-R-HR-03");
        Assert.Contains("data-rule=\"R-HR-01\"", await clerk.ContentAsync(), StringComparison.Ordinal);
        var applicationUrl = clerk.Url;
        await clerk.ClickAsync("#request-override-R-HR-03");
        await clerk.FillAsync("#override-reason", "明日から長期入院のため");
        await clerk.ClickAsync("#request-override");
        await clerk.WaitForSelectorAsync("#override-requested");
        await browser.StepAsync(clerk, "requested");

        // A supervisor's own request (the address override on the same application) cannot be approved by them.
        var supervisor = await browser.SignedInPageAsync(StaffRoles.Supervisor);
        await supervisor.GotoAsync(new Uri(applicationUrl).AbsolutePath + "/override/R-ID-02");
        await supervisor.FillAsync("#override-reason", "転居届受理済み");
        await supervisor.ClickAsync("#request-override");
        await supervisor.WaitForSelectorAsync("#override-requested");
        await supervisor.GotoAsync("/supervisor/approvals");
        var own = supervisor.Locator("#pending-overrides tr[data-request]", new() { HasText = "R-ID-02" });
        await own.Locator("input[name='Form.Reason']").FillAsync("自分で承認");
        await own.Locator("button[id^='approve-']").ClickAsync();
        await supervisor.WaitForSelectorAsync("#approval-error");
        Assert.Contains("R-ID-02", await supervisor.InnerTextAsync("#approval-error"), StringComparison.Ordinal);
        await browser.StepAsync(supervisor, "own-refused");

        var other = await SecondSupervisorPageAsync();
        await other.GotoAsync("/supervisor/approvals");
        var clerks = other.Locator("#pending-overrides tr[data-request]", new() { HasText = "R-HR-03" });
        await clerks.Locator("input[name='Form.Reason']").FillAsync("入院前日のため特に認める");
        await clerks.Locator("button[id^='approve-']").ClickAsync();
        await other.WaitForSelectorAsync("#approval-done");
        await browser.StepAsync(other, "approved");

        await clerk.GotoAsync(applicationUrl);
        await clerk.WaitForSelectorAsync("#override-requests li[data-state='Approved']");
        await clerk.ClickAsync("#check-eligibility");
        await clerk.WaitForSelectorAsync("#step-documents");
        await browser.StepAsync(clerk, "eligible");
    }

    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    private async Task<IPage> SecondSupervisorPageAsync()
    {
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var office = (await users.FindByNameAsync(StaffSignIn.UserNameOf(StaffRoles.Supervisor)))!.OfficeId;
            var user = new StaffUser { UserName = SecondSupervisor, DisplayName = "係長 二", OfficeId = office, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, SecondPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, StaffRoles.Supervisor)).Succeeded);
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#user-name", SecondSupervisor);
        await page.FillAsync("#password", SecondPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/counter**");
        await page.ClickAsync("#choose-counter");
        await page.WaitForSelectorAsync("#header-counter");
        return page;
    }
}
