using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.SignIn;

/// <summary>Staff sign-in: every page needs it, failures are counted to a lockout, passwords never come back (R-X-01, R-X-02).</summary>
public sealed class SignInTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task Page_WhenAnonymous_RedirectsToSignInWithReturnUrl()
    {
        await using var app = new CounterAppFactory();
        using var client = app.CreateClient(NoRedirects);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/rules", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=%2Frules", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WhenAnonymous_Answers401WithoutRedirect()
    {
        await using var app = new CounterAppFactory();
        using var client = app.CreateClient(NoRedirects);

        var response = await client.GetAsync(new Uri("/api/counters/1/reader", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WhenCorrect_ShowsOfficeCounterAndClerkInTheHeader()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("id=\"header-office\">上市町役場", html, StringComparison.Ordinal);
        Assert.Contains("id=\"header-counter\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"header-staff\">窓口 一郎", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sign-out\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public async Task SignIn_WhenPasswordWrong_SaysSoWithoutEchoingIt()
    {
        await using var app = new CounterAppFactory();
        await StaffSignIn.PreparePasswordAsync(app.Services, StaffRoles.Clerk);
        using var client = app.CreateClient();
        const string typed = "Wrong-secret-4711";

        var (_, html) = await FormPoster.PostAsync(client, "/account/login", "sign-in", new Dictionary<string, string>
        {
            ["Form.UserName"] = "clerk",
            ["Form.Password"] = typed,
        });

        Assert.Contains("id=\"sign-in-error\"", html, StringComparison.Ordinal);
        Assert.Contains("ユーザー名またはパスワードが正しくありません", html, StringComparison.Ordinal);
        Assert.DoesNotContain(typed, html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == "staff.signed-in");
        Assert.Equal("refused", entry.Outcome);
        Assert.DoesNotContain(typed, entry.Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WhenFieldsEmpty_NamesEachField()
    {
        await using var app = new CounterAppFactory();
        using var client = app.CreateClient();

        var (response, html) = await FormPoster.PostAsync(client, "/account/login", "sign-in", new Dictionary<string, string>
        {
            ["Form.UserName"] = "",
            ["Form.Password"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ユーザー名を入力してください", html, StringComparison.Ordinal);
        Assert.Contains("パスワードを入力してください", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WhenFiveFailuresInARow_LocksTheAccountEvenForTheRightPassword()
    {
        await using var app = new CounterAppFactory();
        await StaffSignIn.PreparePasswordAsync(app.Services, StaffRoles.Clerk);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        for (var i = 0; i < 5; i++)
        {
            await FormPoster.PostAsync(client, "/account/login", "sign-in", new Dictionary<string, string> { ["Form.UserName"] = "clerk", ["Form.Password"] = "nope-" + i });
        }

        var (_, html) = await FormPoster.PostAsync(client, "/account/login", "sign-in", new Dictionary<string, string>
        {
            ["Form.UserName"] = "clerk",
            ["Form.Password"] = StaffSignIn.Password,
        });

        // The same words as a wrong password (the page does not tell a locked account from an unknown name).
        Assert.Contains("ユーザー名またはパスワードが正しくありません", html, StringComparison.Ordinal);
        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("/account/login", home.RequestMessage?.RequestUri?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_WhenIdleLongerThanTheTimeout_AsksToSignInAgain()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var clock = (FixedTimeProvider)app.Services.GetRequiredService<TimeProvider>();
        Assert.Contains("id=\"header-staff\"", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(21));
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("/account/login", response.RequestMessage?.RequestUri?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_WhenTheAccountIsDisabledMeanwhile_EndsAtTheNextRecheckWhileOthersGoOn()
    {
        await using var app = new CounterAppFactory();
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        using var supervisor = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);
        var clock = (FixedTimeProvider)app.Services.GetRequiredService<TimeProvider>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            var id = await db.Users.Where(u => u.UserName == StaffSignIn.UserNameOf(StaffRoles.Clerk)).Select(u => u.Id).SingleAsync();
            var disabled = await scope.ServiceProvider.GetRequiredService<Web.Features.StaffAccounts.StaffAccountsHandler>().SetDisabledAsync(id, disabled: true, "admin");
            Assert.Null(disabled.Problem);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        var refused = await clerk.GetAsync(new Uri("/residents", UriKind.Relative));
        var allowed = await supervisor.GetAsync(new Uri("/residents", UriKind.Relative));

        Assert.Contains("/account/login", refused.RequestMessage?.RequestUri?.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/residents", allowed.RequestMessage?.RequestUri?.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("id=\"header-staff\"", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WhenPosted_EndsTheSessionAndIsAudited()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var signedOut = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form);

        Assert.Contains("/account/login", signedOut.RequestMessage?.RequestUri?.ToString(), StringComparison.Ordinal);
        var again = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("/account/login", again.RequestMessage?.RequestUri?.ToString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "staff.signed-out" && e.Actor == "supervisor"));
    }

    [Fact]
    public async Task Counter_WhenNotOneOfTheOffice_IsRefusedNamingTheField()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var (_, html) = await FormPoster.PostAsync(client, "/counter", "choose-counter", new Dictionary<string, string> { ["Form.CounterId"] = "9999" });

        Assert.Contains("id=\"counter-error\"", html, StringComparison.Ordinal);
        Assert.Contains("窓口:", html, StringComparison.Ordinal);
    }
}
