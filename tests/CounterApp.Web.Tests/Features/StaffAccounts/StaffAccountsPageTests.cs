using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.StaffAccounts;

/// <summary>/admin/staff: administrators only; the create and edit forms save through the page and never echo a password.</summary>
public sealed class StaffAccountsPageTests
{
    [Theory]
    [InlineData(StaffRoles.Clerk, "/admin/staff")]
    [InlineData(StaffRoles.Supervisor, "/admin/staff")]
    [InlineData(StaffRoles.Clerk, "/admin/staff/any-id")]
    public async Task StaffPage_WhenClerkOrSupervisor_IsDenied(string role, string path)
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, role);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden || response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/denied", StringComparison.Ordinal),
            $"{role} reached {path}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        Assert.DoesNotContain("id=\"staff-table\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"edit-staff-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    [Trait("Rule", "R-X-03")]
    public async Task Create_WhenPostedThroughThePage_ListsTheAccountAndNeverEchoesThePassword()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var overview = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));
        int office;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            office = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Offices.Select(o => o.Id).SingleAsync();
        }

        var (_, weak) = await CreateAsync(client, office, "weak-one-2026");
        var (_, created) = await CreateAsync(client, office, "Strong-pass-2026!");

        Assert.Contains("id=\"tile-admin-staff\"", overview, StringComparison.Ordinal);
        Assert.Contains("data-field=\"password\"", weak, StringComparison.Ordinal);
        Assert.Contains("パスワードには", weak, StringComparison.Ordinal);
        Assert.Contains("value=\"yamada.t\"", weak, StringComparison.Ordinal);
        Assert.DoesNotContain("weak-one-2026", weak, StringComparison.Ordinal);
        Assert.Contains("id=\"staff-created\"", created, StringComparison.Ordinal);
        Assert.Contains("data-user=\"yamada.t\"", created, StringComparison.Ordinal);
        Assert.Contains("山田 太一", created, StringComparison.Ordinal);
        Assert.DoesNotContain("Strong-pass-2026!", created, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task AccountPage_WhenAdministratorDemotesThemselfOrDisablesAClerk_RefusesTheFirstAndDisablesTheSecond()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        string admin, clerk;
        int office;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            clerk = await db.Users.Where(u => u.UserName == "clerk").Select(u => u.Id).SingleAsync();
            office = await db.Offices.Select(o => o.Id).SingleAsync();
        }

        var (_, demoted) = await FormPoster.PostAsync(client, "/admin/staff/" + admin, "edit-staff", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "管理 三子",
            ["Form.OfficeId"] = office.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Clerk"] = "true",
        });
        var (_, selfDisabled) = await FormPoster.PostAsync(client, "/admin/staff/" + admin, "toggle-staff", new Dictionary<string, string> { ["Toggle.Disable"] = "true" });
        var (_, disabled) = await FormPoster.PostAsync(client, "/admin/staff/" + clerk, "toggle-staff", new Dictionary<string, string> { ["Toggle.Disable"] = "true" });
        var (_, passwordSet) = await FormPoster.PostAsync(client, "/admin/staff/" + clerk, "reset-password", new Dictionary<string, string> { ["NewPassword.Password"] = "Temporary-pass-77" });

        Assert.Contains("自分自身の管理者の役割は外せません", demoted, StringComparison.Ordinal);
        Assert.Contains("data-field=\"roles\"", demoted, StringComparison.Ordinal);
        Assert.Contains("自分自身のアカウントは無効にできません", selfDisabled, StringComparison.Ordinal);
        Assert.Contains("id=\"staff-saved\"", disabled, StringComparison.Ordinal);
        Assert.Contains("data-status=\"StatusDisabled\"", disabled, StringComparison.Ordinal);
        Assert.Contains("パスワード変更待ち", passwordSet, StringComparison.Ordinal);
        Assert.DoesNotContain("Temporary-pass-77", passwordSet, StringComparison.Ordinal);
        await using var check = app.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(admin))!, StaffRoles.Administrator));
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(clerk))!));
    }

    private static Task<(HttpResponseMessage Response, string Html)> CreateAsync(HttpClient client, int office, string password) =>
        FormPoster.PostAsync(client, "/admin/staff", "create-staff", new Dictionary<string, string>
        {
            ["Form.UserName"] = "yamada.t",
            ["Form.DisplayName"] = "山田 太一",
            ["Form.OfficeId"] = office.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Supervisor"] = "true",
            ["Form.Password"] = password,
        });
}
