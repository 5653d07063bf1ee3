using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.StaffAccounts;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.SignIn;

/// <summary>
/// The sign-in page must not tell which user names exist: a wrong password, an unknown name and a locked or disabled
/// account read the same and take about as long (one password hash check each). Over HTTP on loopback.
/// </summary>
public sealed partial class SignInEnumerationTests : IAsyncDisposable
{
    private const string WrongPassword = "Wrong-secret-4711";

    private readonly CounterAppFactory _app = new();

    private readonly Uri _site;

    public SignInEnumerationTests()
    {
        // The timing test sends many wrong passwords for one real account: keep it from locking, so every attempt
        // takes the real account's path (the locked path is measured on its own).
        _app.Settings["Security:MaxFailedSignIns"] = "1000";
        _site = Loopback.Start(_app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task SignIn_WhenWrongPasswordUnknownNameLockedOrDisabled_ShowsTheSameMessageAndAuditsTheRealOutcome()
    {
        await StaffSignIn.PreparePasswordAsync(_app.Services, StaffRoles.Clerk);
        await StaffSignIn.PreparePasswordAsync(_app.Services, StaffRoles.Supervisor);
        await LockAsync(StaffRoles.Supervisor);
        await DisableAsync(StaffRoles.Administrator);
        using var client = Loopback.Client(_site, new CookieContainer());

        var wrongPassword = await MessageAsync(client, StaffSignIn.UserNameOf(StaffRoles.Clerk), WrongPassword);
        var unknownName = await MessageAsync(client, "no-such-user", WrongPassword);
        var lockedWithRightPassword = await MessageAsync(client, StaffSignIn.UserNameOf(StaffRoles.Supervisor), StaffSignIn.Password);
        var disabled = await MessageAsync(client, StaffSignIn.UserNameOf(StaffRoles.Administrator), WrongPassword);

        Assert.Contains("ユーザー名またはパスワードが正しくありません", wrongPassword, StringComparison.Ordinal);
        Assert.Equal(wrongPassword, unknownName);
        Assert.Equal(wrongPassword, lockedWithRightPassword);
        Assert.Equal(wrongPassword, disabled);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "staff.signed-in").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal("refused", e.Outcome));
        Assert.Contains("Failed", entries[0].Details ?? "", StringComparison.Ordinal);
        Assert.Equal("anonymous", entries[1].Actor);
        Assert.Equal(StaffSignIn.UserNameOf(StaffRoles.Supervisor), entries[2].Actor);
        Assert.Contains("LockedOut", entries[2].Details ?? "", StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain(WrongPassword, e.Details ?? "", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(StaffSignIn.Password, e.Details ?? "", StringComparison.Ordinal));
    }

    /// <summary>
    /// A security property, not a speed goal: the medians of 15 attempts of each kind, interleaved so that load on the
    /// machine falls on all kinds alike. Before, an unknown name answered in a tenth of a real account's time.
    /// </summary>
    [Fact]
    public async Task SignIn_WhenTheNameIsUnknownOrLocked_TakesAboutAsLongAsAWrongPasswordForARealAccount()
    {
        const int Rounds = 15;
        const int WarmUp = 2;
        await StaffSignIn.PreparePasswordAsync(_app.Services, StaffRoles.Clerk);
        await StaffSignIn.PreparePasswordAsync(_app.Services, StaffRoles.Supervisor);
        await LockAsync(StaffRoles.Supervisor);
        using var client = Loopback.Client(_site, new CookieContainer());
        var known = new List<double>();
        var unknown = new List<double>();
        var locked = new List<double>();

        for (var round = 0; round < WarmUp + Rounds; round++)
        {
            var k = await TimeAsync(client, StaffSignIn.UserNameOf(StaffRoles.Clerk));
            var u = await TimeAsync(client, "unknown-" + round.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var l = await TimeAsync(client, StaffSignIn.UserNameOf(StaffRoles.Supervisor));
            if (round >= WarmUp)
            {
                known.Add(k);
                unknown.Add(u);
                locked.Add(l);
            }
        }

        var (knownMedian, unknownMedian, lockedMedian) = (Median(known), Median(unknown), Median(locked));
        TestContext.Current.TestOutputHelper?.WriteLine($"sign-in medians over {Rounds}: real account {knownMedian:F1} ms, unknown name {unknownMedian:F1} ms, locked account {lockedMedian:F1} ms");
        Assert.True(unknownMedian >= 0.5 * knownMedian, $"Unknown name {unknownMedian:F1} ms against a real account's {knownMedian:F1} ms.");
        Assert.True(lockedMedian >= 0.5 * knownMedian, $"Locked account {lockedMedian:F1} ms against a real account's {knownMedian:F1} ms.");
        // The real account's attempts were all real password checks (it never locked).
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByNameAsync(StaffSignIn.UserNameOf(StaffRoles.Clerk)))!));
    }

    /// <summary>The time of one sign-in post with a wrong password (the page's token fetched before the clock starts).</summary>
    private static async Task<double> TimeAsync(HttpClient client, string userName)
    {
        var token = await Loopback.TokenAsync(client, "/account/login");
        using var form = SignInForm(token, userName, WrongPassword);
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();
        watch.Stop();
        Assert.Contains("id=\"sign-in-error\"", html, StringComparison.Ordinal);
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The text of the sign-in page's error after one attempt.</summary>
    private static async Task<string> MessageAsync(HttpClient client, string userName, string password)
    {
        var token = await Loopback.TokenAsync(client, "/account/login");
        using var form = SignInForm(token, userName, password);
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = ErrorPattern().Match(html);
        Assert.True(error.Success, $"No sign-in error shown for {userName}.");
        return error.Groups[1].Value;
    }

    private static FormUrlEncodedContent SignInForm(string token, string userName, string password) => new(new Dictionary<string, string>
    {
        ["_handler"] = "sign-in",
        ["__RequestVerificationToken"] = token,
        ["Form.UserName"] = userName,
        ["Form.Password"] = password,
    });

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Locks the demo account of <paramref name="role"/> as repeated failures would (lockout end in the future).</summary>
    private async Task LockAsync(string role)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(StaffSignIn.UserNameOf(role)) ?? throw new InvalidOperationException(role);
        var locked = await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(1));
        Assert.True(locked.Succeeded);
    }

    private async Task DisableAsync(string role)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var id = await db.Users.Where(u => u.UserName == StaffSignIn.UserNameOf(role)).Select(u => u.Id).SingleAsync();
        // The handler refuses to disable the last administrator: a second one exists only to be kept enabled.
        var handler = scope.ServiceProvider.GetRequiredService<StaffAccountsHandler>();
        var created = await handler.CreateAsync(new CreateStaffAccount("admin2", "管理 二郎", null, [StaffRoles.Administrator], "Second-admin-2026!", "admin"));
        Assert.Null(created.Problem);
        var disabled = await handler.SetDisabledAsync(id, disabled: true, "admin2");
        Assert.Null(disabled.Problem);
    }

    [GeneratedRegex("id=\"sign-in-error\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();
}
