using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DemoTown;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Support;

/// <summary>
/// Signs a demo member of staff in through the real sign-in form and chooses a counter, the way a clerk does.
/// The demo passwords are generated and printed once, so the tests give the seeded account a known one first.
/// </summary>
internal static class StaffSignIn
{
    /// <summary>The password tests give the demo accounts (only in the test's own throwaway database).</summary>
    public const string Password = "Test-counter-2026!";

    public static string UserNameOf(string role) => DemoTownSeeder.Staff.First(s => s.Role == role).UserName;

    /// <summary>Sets the known password on the demo account of <paramref name="role"/> (idempotent).</summary>
    public static async Task PreparePasswordAsync(IServiceProvider services, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(UserNameOf(role)) ?? throw new InvalidOperationException($"No demo account for {role}.");
        if (!await users.CheckPasswordAsync(user, Password))
        {
            await users.RemovePasswordAsync(user);
            var result = await users.AddPasswordAsync(user, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>A client of <paramref name="app"/> signed in as the demo account of <paramref name="role"/>, at counter <paramref name="counterNumber"/> (clerks and supervisors).</summary>
    public static async Task<HttpClient> SignInAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> app, string role, int counterNumber = 2)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient();
        // Like a browser: pages that need a new sign-in redirect to it (API-style requests get a bare 401).
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        await SignInAsync(client, app.Services, role, counterNumber);
        return client;
    }

    public static async Task SignInAsync(HttpClient client, IServiceProvider services, string role, int counterNumber = 2)
    {
        ArgumentNullException.ThrowIfNull(client);
        await PreparePasswordAsync(services, role);
        var (response, html) = await FormPoster.PostAsync(client, "/account/login", "sign-in", new Dictionary<string, string>
        {
            ["Form.UserName"] = UserNameOf(role),
            ["Form.Password"] = Password,
        });
        Assert.True(response.IsSuccessStatusCode, $"Sign-in answered {(int)response.StatusCode}.");
        Assert.DoesNotContain("id=\"sign-in-error\"", html, StringComparison.Ordinal);
        if (role == StaffRoles.Administrator)
        {
            return;
        }

        int counterId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            counterId = await db.Counters.Where(c => c.Number == counterNumber).Select(c => c.Id).FirstAsync();
        }

        var (chosen, page) = await FormPoster.PostAsync(client, "/counter", "choose-counter", new Dictionary<string, string>
        {
            ["Form.CounterId"] = counterId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(chosen.IsSuccessStatusCode, $"Choosing the counter answered {(int)chosen.StatusCode}.");
        Assert.DoesNotContain("id=\"counter-error\"", page, StringComparison.Ordinal);
    }
}
