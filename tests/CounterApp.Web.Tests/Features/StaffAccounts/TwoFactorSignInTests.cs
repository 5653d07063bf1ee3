using System.Net;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.StaffAccounts;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.StaffAccounts;

/// <summary>
/// Two-factor sign-in through the real pages with enforcement on (Security:TwoFactorRoles): enrolment forced for a
/// supervisor, the second step on the next sign-in, failures counted, recovery codes once, clerks not forced.
/// </summary>
public sealed partial class TwoFactorSignInTests
{
    private const string Enforced = "Supervisor,Administrator";

    [Fact]
    public async Task Supervisor_WhenNotEnrolled_IsSentToEnrolmentFromEveryPageAndApiGets403()
    {
        await using var app = Enforcing();
        using var client = await PasswordStepAsync(app, StaffRoles.Supervisor);

        var start = await client.GetAsync(new Uri("/", UriKind.Relative));
        var approvals = await client.GetAsync(new Uri("/supervisor/approvals", UriKind.Relative));
        using var api = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/counters/1/reader", UriKind.Relative));
        api.Headers.Accept.Clear();
        api.Headers.Accept.ParseAdd("application/json");
        var apiResponse = await client.SendAsync(api);

        Assert.Equal("/account/two-factor", start.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/two-factor", approvals.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await start.Content.ReadAsStringAsync();
        Assert.Contains("id=\"two-factor-required\"", html, StringComparison.Ordinal);
        Assert.Matches("<img src=\"data:image/png;base64,[A-Za-z0-9+/=&#;]{100,}\"[^>]*id=\"authenticator-qr\"", html);
        Assert.Matches("id=\"authenticator-key\" data-key=\"[A-Z2-7]{32}\">([A-Z2-7]{4} ){7}[A-Z2-7]{4}<", html);
        Assert.Equal(HttpStatusCode.Forbidden, apiResponse.StatusCode);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Enrolment_WithTheCodeFromTheShownKey_TurnsItOnShowsRecoveryCodesOnceAndLetsThrough()
    {
        await using var app = Enforcing();
        using var client = await PasswordStepAsync(app, StaffRoles.Supervisor);
        var key = KeyOf(await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative)));

        var wrong = await EnrolAsync(client, Totp.Wrong(key));
        var codes = RecoveryCodes(await EnrolAsync(client, Totp.Code(key)));
        var afterwards = await client.GetAsync(new Uri("/supervisor/approvals", UriKind.Relative));
        var statusPage = await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative));

        Assert.Contains("確認コードが正しくありません", wrong, StringComparison.Ordinal);
        Assert.Equal(10, codes.Count);
        Assert.Equal("/supervisor/approvals", afterwards.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"two-factor-on\"", statusPage, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], statusPage, StringComparison.Ordinal);
        Assert.DoesNotContain(key, statusPage, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.True((await db.Users.SingleAsync(u => u.UserName == "supervisor")).TwoFactorEnabled);
        var audits = await db.AuditEntries.Where(a => a.Action == "staff.two-factor-enrolled").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["refused", "succeeded"], audits.Select(a => a.Outcome));
        Assert.All(audits, a => Assert.DoesNotContain(key, a.Details ?? "", StringComparison.Ordinal));
        Assert.All(audits, a => Assert.DoesNotContain(codes[0], a.Details ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NextSignIn_WhenEnrolled_AsksForTheCodeCountsAWrongOneAndAcceptsTheRightOne()
    {
        await using var app = Enforcing();
        var (key, _) = await EnrolSupervisorAsync(app);
        using var client = NewClient(app);

        var afterPassword = await PostPasswordAsync(client, "supervisor");
        var before = await client.GetAsync(new Uri("/", UriKind.Relative));
        var wrong = await SecondStepAsync(client, Totp.Wrong(key));
        var failures = await FailedCountAsync(app, "supervisor");
        var right = await client.GetAsync(new Uri("/", UriKind.Relative));
        var (signedIn, _) = await SecondStepFormAsync(client, Totp.Code(key, 1));

        Assert.Equal("/account/login/two-factor", afterPassword.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/login", before.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"second-step-error\"", wrong, StringComparison.Ordinal);
        Assert.Equal(1, failures);
        Assert.Equal("/account/login", right.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/counter", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(0, await FailedCountAsync(app, "supervisor"));
    }

    [Fact]
    public async Task SecondStep_WhenWrongFiveTimes_LocksTheAccountEvenForTheRightCode()
    {
        await using var app = Enforcing();
        var (key, _) = await EnrolSupervisorAsync(app);
        using var client = NewClient(app);
        await PostPasswordAsync(client, "supervisor");
        for (var i = 0; i < 5; i++)
        {
            await SecondStepAsync(client, i % 2 == 0 ? Totp.Wrong(key) : "WRONG-CODE" + i);
        }

        var (response, html) = await SecondStepFormAsync(client, Totp.Code(key));

        Assert.Equal("/account/login/two-factor", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("ロックされています", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoveryCode_WhenUsed_SignsInOnceAndNotAgain()
    {
        await using var app = Enforcing();
        var (_, codes) = await EnrolSupervisorAsync(app);
        using var first = NewClient(app);
        using var second = NewClient(app);

        await PostPasswordAsync(first, "supervisor");
        var (used, _) = await SecondStepFormAsync(first, codes[3].ToLowerInvariant());
        await PostPasswordAsync(second, "supervisor");
        var (again, html) = await SecondStepFormAsync(second, codes[3]);

        Assert.Equal("/counter", used.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/login/two-factor", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("確認コードが正しくありません", html, StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(app, "supervisor"));
    }

    [Fact]
    public async Task Clerk_WhenEnforcementIsForSupervisorsAndAdministrators_IsNotForced()
    {
        await using var app = Enforcing();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var start = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("/", start.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await start.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"two-factor-required\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"tile-account\" href=\"/account/two-factor\"", html.Replace("href=\"/account/two-factor\" id=\"tile-account\"", "id=\"tile-account\" href=\"/account/two-factor\"", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public async Task OwnReset_WhenPasswordWrong_IsRefused_WhenRight_ForgetsTheKeyAndAsksToEnrolAgain()
    {
        await using var app = Enforcing();
        using var client = await PasswordStepAsync(app, StaffRoles.Supervisor);
        var key = KeyOf(await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative)));
        Assert.Equal(10, RecoveryCodes(await EnrolAsync(client, Totp.Code(key))).Count);

        var (_, wrong) = await FormPoster.PostAsync(client, "/account/two-factor", "reset-two-factor", new Dictionary<string, string> { ["Reset.Password"] = "Not-my-password-1" });
        var (_, reset) = await FormPoster.PostAsync(client, "/account/two-factor", "reset-two-factor", new Dictionary<string, string> { ["Reset.Password"] = StaffSignIn.Password });
        var start = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("id=\"two-factor-error\"", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("Not-my-password-1", wrong, StringComparison.Ordinal);
        Assert.Contains("id=\"two-factor-reset\"", reset, StringComparison.Ordinal);
        Assert.NotEqual(key, KeyOf(reset));
        Assert.Equal("/account/two-factor", start.RequestMessage!.RequestUri!.AbsolutePath);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False((await db.Users.SingleAsync(u => u.UserName == "supervisor")).TwoFactorEnabled);
        Assert.Equal(["refused", "succeeded"], await db.AuditEntries.Where(a => a.Action == "staff.two-factor-reset").OrderBy(a => a.Id).Select(a => a.Outcome).ToListAsync());
    }

    [Fact]
    public async Task Supervisor_WhenTheSettingIsEmptyAsInTheDemo_IsNotForced()
    {
        await using var app = new CounterAppFactory();
        using var client = await PasswordStepAsync(app, StaffRoles.Supervisor);

        var start = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("/", start.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Supervisor_WhenTwoFactorResetByAnAdministrator_EnrolsAgainAtTheNextSignIn()
    {
        await using var app = Enforcing();
        await EnrolSupervisorAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var id = (await users.FindByNameAsync("supervisor"))!.Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffAccountsHandler>().ResetTwoFactorAsync(id, "admin")).Succeeded);
        }

        using var client = NewClient(app);
        var afterPassword = await PostPasswordAsync(client, "supervisor");

        Assert.Equal("/account/two-factor", afterPassword.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public async Task TemporaryPassword_WhenSetByAnAdministrator_MustBeChangedBeforeAnythingElse()
    {
        await using var app = new CounterAppFactory();
        await StaffSignIn.PreparePasswordAsync(app.Services, StaffRoles.Clerk);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var id = (await users.FindByNameAsync("clerk"))!.Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffAccountsHandler>().ResetPasswordAsync(id, "Temporary-pass-77", "admin")).Succeeded);
        }

        using var client = NewClient(app);
        var afterPassword = await PostPasswordAsync(client, "clerk", "Temporary-pass-77");
        var start = await client.GetAsync(new Uri("/", UriKind.Relative));
        var (mismatch, mismatchHtml) = await FormPoster.PostAsync(client, "/account/password", "change-password", new Dictionary<string, string>
        {
            ["Form.Current"] = "Temporary-pass-77",
            ["Form.Next"] = "My-own-password-9",
            ["Form.Confirm"] = "My-own-password-8",
        });
        var (changed, _) = await FormPoster.PostAsync(client, "/account/password", "change-password", new Dictionary<string, string>
        {
            ["Form.Current"] = "Temporary-pass-77",
            ["Form.Next"] = "My-own-password-9",
            ["Form.Confirm"] = "My-own-password-9",
        });
        var afterwards = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("/account/password", afterPassword.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/password", start.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("data-field=\"confirmPassword\"", mismatchHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("My-own-password", mismatchHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Equal("/counter", changed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/", afterwards.RequestMessage!.RequestUri!.AbsolutePath);
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CounterDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "staff.password-changed" && a.Outcome == "succeeded");
        Assert.DoesNotContain("My-own-password", entry.Details ?? "", StringComparison.Ordinal);
    }

    private static CounterAppFactory Enforcing()
    {
        var app = new CounterAppFactory();
        app.Settings["Security:TwoFactorRoles"] = Enforced;
        return app;
    }

    private static HttpClient NewClient(CounterAppFactory app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    private static async Task<HttpClient> PasswordStepAsync(CounterAppFactory app, string role)
    {
        await StaffSignIn.PreparePasswordAsync(app.Services, role);
        var client = NewClient(app);
        var response = await PostPasswordAsync(client, StaffSignIn.UserNameOf(role));
        Assert.True(response.IsSuccessStatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> PostPasswordAsync(HttpClient client, string userName, string password = StaffSignIn.Password)
    {
        var (response, html) = await FormPoster.PostAsync(client, "/account/login", "sign-in", new Dictionary<string, string>
        {
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
        });
        Assert.DoesNotContain("id=\"sign-in-error\"", html, StringComparison.Ordinal);
        return response;
    }

    /// <summary>Enrols the demo supervisor through the pages; returns the key and the recovery codes.</summary>
    private static async Task<(string Key, IReadOnlyList<string> Codes)> EnrolSupervisorAsync(CounterAppFactory app)
    {
        using var client = await PasswordStepAsync(app, StaffRoles.Supervisor);
        var key = KeyOf(await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative)));
        var codes = RecoveryCodes(await EnrolAsync(client, Totp.Code(key, -1)));
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    private static async Task<string> EnrolAsync(HttpClient client, string code)
    {
        var (_, html) = await FormPoster.PostAsync(client, "/account/two-factor", "enrol-two-factor", new Dictionary<string, string> { ["Enrol.Code"] = code });
        return html;
    }

    private static async Task<string> SecondStepAsync(HttpClient client, string code) => (await SecondStepFormAsync(client, code)).Html;

    private static Task<(HttpResponseMessage Response, string Html)> SecondStepFormAsync(HttpClient client, string code) =>
        FormPoster.PostAsync(client, "/account/login/two-factor", "second-step", new Dictionary<string, string> { ["Form.Code"] = code });

    private static async Task<int> FailedCountAsync(CounterAppFactory app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName)).AccessFailedCount;
    }

    private static string KeyOf(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "The enrolment page shows no key.");
        return match.Groups[1].Value;
    }

    private static List<string> RecoveryCodes(string html) => [.. RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("id=\"authenticator-key\" data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
