using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Administration;

/// <summary>The administrator pages: only the Administrator role reaches them; the hours form saves through the page.</summary>
public sealed class AdministrationPageTests
{
    public static TheoryData<string, string> DeniedRolesAndPages => new()
    {
        { StaffRoles.Clerk, "/admin" },
        { StaffRoles.Clerk, "/admin/hours" },
        { StaffRoles.Supervisor, "/admin" },
        { StaffRoles.Supervisor, "/admin/hours" },
        { StaffRoles.Clerk, "/admin/fees" },
        { StaffRoles.Supervisor, "/admin/fees" },
        { StaffRoles.Clerk, "/admin/agents" },
        { StaffRoles.Supervisor, "/admin/agents" },
        { StaffRoles.Clerk, "/admin/documents" },
        { StaffRoles.Supervisor, "/admin/documents" },
    };

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(DeniedRolesAndPages))]
    public async Task AdminPage_WhenClerkOrSupervisor_IsDenied(string role, string path)
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, role);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden || response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/denied", StringComparison.Ordinal),
            $"{role} reached {path}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        Assert.DoesNotContain("id=\"hours-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"admin-menu\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"fees-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"issue-code-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"documents-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    public async Task HoursPage_WhenAdministratorPostsAnEndBeforeTheStart_ShowsTheMessageAndKeepsTheHours()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var overview = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));

        var (response, html) = await FormPoster.PostAsync(client, "/admin/hours", "save-hours", new Dictionary<string, string>
        {
            ["Hours.Expected"] = "08:30–12:00, 13:00–16:30",
            ["Hours.Sessions[0].Start"] = "08:30",
            ["Hours.Sessions[0].End"] = "12:00",
            ["Hours.Sessions[1].Start"] = "13:00",
            ["Hours.Sessions[1].End"] = "12:45",
        });

        Assert.Contains("id=\"tile-admin-hours\"", overview, StringComparison.Ordinal);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Contains("id=\"admin-error\"", html, StringComparison.Ordinal);
        Assert.Contains("2番目の受付時間の終了時刻（12:45）", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.Equal(new TimeOnly(16, 30), await db.OfficeSessions.MaxAsync(s => s.End));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == SaveOfficeHoursHandler.AuditAction));
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    public async Task HoursPage_WhenAnotherOfficeIsChosen_ShowsAndSavesThatOfficesHoursOnly()
    {
        await using var app = new CounterAppFactory();
        int branch;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            var main = await db.Offices.OrderBy(o => o.Id).FirstAsync();
            var office = new Office
            {
                Code = "branch",
                Name = "東部支所",
                MunicipalityCode = main.MunicipalityCode,
                MunicipalityName = main.MunicipalityName,
                PrefectureName = main.PrefectureName,
                Sessions = [new OfficeSession { Start = new TimeOnly(13, 0), End = new TimeOnly(16, 30) }],
            };
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            branch = office.Id;
        }

        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var path = $"/admin/hours?office={branch}";
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var (response, html) = await FormPoster.PostAsync(client, path, "save-hours", new Dictionary<string, string>
        {
            ["Hours.Expected"] = "13:00–16:30",
            ["Hours.Sessions[0].Start"] = "13:00",
            ["Hours.Sessions[0].End"] = "17:00",
        });

        Assert.Contains("id=\"hours-offices\"", page, StringComparison.Ordinal);
        Assert.Matches("id=\"hours-office\">東部支所<", page);
        Assert.Matches("id=\"current-hours\">13:00–16:30<", page);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Contains("id=\"admin-saved\"", html, StringComparison.Ordinal);
        await using var check = app.Services.CreateAsyncScope();
        var saved = check.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.Equal(new TimeOnly(17, 0), await saved.OfficeSessions.Where(s => s.OfficeId == branch).Select(s => s.End).SingleAsync());
        Assert.Equal(new TimeOnly(16, 30), await saved.OfficeSessions.Where(s => s.OfficeId != branch).MaxAsync(s => s.End));
    }

    [Fact]
    [Trait("Rule", "R-ID-01")]
    public async Task DocumentsPage_WhenAdministratorUnticksEveryDocument_ShowsTheMessageAndKeepsTheList()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var page = await client.GetStringAsync(new Uri("/admin/documents", UriKind.Relative));
        var expected = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"Documents.Expected\" value=\"([^\"]*)\"").Groups[1].Value);
        var codes = System.Text.RegularExpressions.Regex.Matches(page, "name=\"Documents.Rows\\[(\\d+)\\].Code\" value=\"([^\"]+)\"");
        var fields = new Dictionary<string, string> { ["Documents.Expected"] = expected };
        foreach (System.Text.RegularExpressions.Match m in codes)
        {
            fields[$"Documents.Rows[{m.Groups[1].Value}].Code"] = m.Groups[2].Value;
            fields[$"Documents.Rows[{m.Groups[1].Value}].SortOrder"] = m.Groups[1].Value;
        }

        var (response, html) = await FormPoster.PostAsync(client, "/admin/documents", "save-documents", fields);

        Assert.NotEmpty(codes);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Contains("id=\"admin-error\"", html, StringComparison.Ordinal);
        Assert.Contains("少なくとも一つ", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.True(await db.IdentityDocumentTypes.AnyAsync(t => t.Accepted));
    }
}
