using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.StaffAccounts;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.SignIn;

/// <summary>
/// A session ends on the server the moment it is signed out, the account disabled or its password changed or reset:
/// a cookie saved before and replayed later is refused at once (the clock does not move here), while other
/// accounts' sessions go on. Over HTTP on loopback, against the real app.
/// </summary>
public sealed class SessionEndTests : IAsyncDisposable
{
    private const string ResidentPage = "/residents/1";

    private readonly CounterAppFactory _app = new();

    private readonly List<HttpClient> _clients = [];

    private readonly Uri _site;

    public SessionEndTests() => _site = Loopback.Start(_app);

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _app.DisposeAsync();
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task SignOut_WhenTheCookieSavedBeforeIsReplayed_AsksToSignInAgainAndIsAudited()
    {
        var (clerk, saved) = await SignInAsync(StaffRoles.Clerk);
        var (_, otherClerkSession) = await SignInAsync(StaffRoles.Clerk);
        var (_, supervisor) = await SignInAsync(StaffRoles.Supervisor);
        await AssertOpensAsync(saved);

        var signedOut = await Loopback.SignOutAsync(clerk);

        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        await AssertAsksToSignInAsync(saved);
        // The stamp belongs to the account: signing out ends its other sessions too; other accounts go on.
        await AssertAsksToSignInAsync(otherClerkSession);
        await AssertOpensAsync(supervisor);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync(e => e.Action == "staff.signed-out");
        Assert.Equal((StaffSignIn.UserNameOf(StaffRoles.Clerk), "succeeded"), (entry.Actor, entry.Outcome));
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Disable_WhileTheAccountHasTwoSessions_EndsBothAtOnceWhileOthersGoOn()
    {
        var (_, first) = await SignInAsync(StaffRoles.Clerk);
        var (_, second) = await SignInAsync(StaffRoles.Clerk);
        var (_, supervisor) = await SignInAsync(StaffRoles.Supervisor);
        await AssertOpensAsync(first);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaffAccountsHandler>().SetDisabledAsync(await ClerkIdAsync(), disabled: true, "admin");
            Assert.Null(result.Problem);
        }

        await AssertAsksToSignInAsync(first);
        await AssertAsksToSignInAsync(second);
        await AssertOpensAsync(supervisor);
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public async Task PasswordChange_WhileAnotherSessionGoesOn_KeepsThisSessionAndEndsTheOther()
    {
        var (changing, _) = await SignInAsync(StaffRoles.Clerk);
        var (_, other) = await SignInAsync(StaffRoles.Clerk);
        var (_, supervisor) = await SignInAsync(StaffRoles.Supervisor);
        const string next = "Changed-counter-2027!";

        var (response, html) = await FormPoster.PostAsync(changing, "/account/password", "change-password", new Dictionary<string, string>
        {
            ["Form.Current"] = StaffSignIn.Password,
            ["Form.Next"] = next,
            ["Form.Confirm"] = next,
        });

        Assert.True(response.IsSuccessStatusCode, $"The password change answered {(int)response.StatusCode}.");
        Assert.DoesNotContain("id=\"password-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(next, html, StringComparison.Ordinal);
        var stillIn = await changing.GetAsync(new Uri(ResidentPage, UriKind.Relative));
        Assert.Equal(ResidentPage, stillIn.RequestMessage?.RequestUri?.AbsolutePath);
        await AssertAsksToSignInAsync(other);
        await AssertOpensAsync(supervisor);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task PasswordReset_ByAnAdministrator_EndsTheAccountsSessionAtOnce()
    {
        var (_, clerk) = await SignInAsync(StaffRoles.Clerk);
        var (_, supervisor) = await SignInAsync(StaffRoles.Supervisor);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaffAccountsHandler>().ResetPasswordAsync(await ClerkIdAsync(), "Temporary-pass-2027!", "admin");
            Assert.Null(result.Problem);
        }

        await AssertAsksToSignInAsync(clerk);
        await AssertOpensAsync(supervisor);
    }

    /// <summary>A client signed in as <paramref name="role"/> at counter 2, and its cookies as saved at that moment.</summary>
    private async Task<(HttpClient Client, string SavedCookies)> SignInAsync(string role)
    {
        var cookies = new CookieContainer();
        var client = Loopback.Client(_site, cookies);
        _clients.Add(client);
        await StaffSignIn.SignInAsync(client, _app.Services, role);
        var saved = cookies.GetCookieHeader(_site);
        Assert.Contains("counterapp.auth=", saved, StringComparison.Ordinal);
        return (client, saved);
    }

    private async Task AssertOpensAsync(string savedCookies)
    {
        var response = await Loopback.ReplayAsync(_site, savedCookies, ResidentPage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"header-staff\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task AssertAsksToSignInAsync(string savedCookies)
    {
        var response = await Loopback.ReplayAsync(_site, savedCookies, ResidentPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", Loopback.RedirectPath(_site, response));
    }

    private async Task<string> ClerkIdAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.Users.Where(u => u.UserName == StaffSignIn.UserNameOf(StaffRoles.Clerk)).Select(u => u.Id).SingleAsync();
    }
}
