using System.Net;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Administration;

/// <summary>The offices, last-acceptance and periods pages: Administrator only; their forms save through the page.</summary>
public sealed partial class OrganizationPageTests
{
    public static TheoryData<string, string> DeniedRolesAndPages => new()
    {
        { StaffRoles.Clerk, "/admin/offices" },
        { StaffRoles.Supervisor, "/admin/offices" },
        { StaffRoles.Clerk, "/admin/deadlines" },
        { StaffRoles.Supervisor, "/admin/deadlines" },
        { StaffRoles.Clerk, "/admin/periods" },
        { StaffRoles.Supervisor, "/admin/periods" },
    };

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(DeniedRolesAndPages))]
    public async Task OrganizationPage_WhenClerkOrSupervisor_IsDenied(string role, string path)
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, role);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden || response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/denied", StringComparison.Ordinal),
            $"{role} reached {path}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        Assert.DoesNotContain("id=\"municipality-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deadlines-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"periods-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    [Trait("Rule", "R-X-03")]
    public async Task PeriodsPage_WhenAdministratorPostsZeroDaysThenFourteen_ShowsTheMessageThenSaves()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var overview = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri("/admin/periods", UriKind.Relative));
        var expected = WebUtility.HtmlDecode(ExpectedField().Match(page).Groups[1].Value);

        var (refusedResponse, refused) = await FormPoster.PostAsync(client, "/admin/periods", "save-periods", new Dictionary<string, string>
        {
            ["Periods.Expected"] = expected,
            ["Periods.LetterValidDays"] = "0",
            ["Periods.CopyRetentionDays"] = "1825",
        });
        var (_, saved) = await FormPoster.PostAsync(client, "/admin/periods", "save-periods", new Dictionary<string, string>
        {
            ["Periods.Expected"] = expected,
            ["Periods.LetterValidDays"] = "14",
            ["Periods.CopyRetentionDays"] = "1825",
        });

        Assert.Contains("id=\"tile-admin-organization\"", overview, StringComparison.Ordinal);
        Assert.Contains("id=\"purge-status\"", page, StringComparison.Ordinal);
        Assert.True(refusedResponse.IsSuccessStatusCode, $"{(int)refusedResponse.StatusCode}");
        Assert.Contains("id=\"admin-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("照会書の有効日数は1から365までの整数", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"admin-saved\"", saved, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.Equal("14", await db.Settings.Where(s => s.Key == AdminSettings.LetterValidDaysKey).Select(s => s.Value).SingleAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == SavePeriodsHandler.AuditAction));
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task OfficesPage_WhenAdministratorAddsACounterWithATakenNumber_ShowsTheMessageAndAddsNothing()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var page = await client.GetStringAsync(new Uri("/admin/offices", UriKind.Relative));
        var officeId = OfficeIdField().Match(page).Groups[1].Value;

        var (response, html) = await FormPoster.PostAsync(client, "/admin/offices", "save-counter", new Dictionary<string, string>
        {
            ["Counter.OfficeId"] = officeId,
            ["Counter.Number"] = "2",
            ["Counter.Name"] = "二つ目の2番窓口",
            ["Counter.Active"] = "true",
        });

        Assert.Contains("id=\"municipality-form\"", page, StringComparison.Ordinal);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Contains("id=\"admin-error\"", html, StringComparison.Ordinal);
        Assert.Contains("窓口番号2は", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False(await db.Counters.AnyAsync(c => c.Name == "二つ目の2番窓口"));
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task CounterChoice_WhenACounterIsDeactivated_IsNoLongerOfferedToAClerk()
    {
        await using var app = new CounterAppFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            var office = await db.Offices.OrderBy(o => o.Id).FirstAsync();
            db.Counters.AddRange(
                new Counter { OfficeId = office.Id, Number = 7, Name = "休止中の窓口", Active = false },
                new Counter { OfficeId = office.Id, Number = 8, Name = "新しい窓口" });
            await db.SaveChangesAsync();
        }

        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var html = await client.GetStringAsync(new Uri("/counter", UriKind.Relative));

        Assert.Contains("新しい窓口", html, StringComparison.Ordinal);
        Assert.DoesNotContain("休止中の窓口", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"Periods.Expected\" value=\"([^\"]*)\"")]
    private static partial Regex ExpectedField();

    [GeneratedRegex("name=\"Counter.OfficeId\" value=\"(\\d+)\"")]
    private static partial Regex OfficeIdField();
}
