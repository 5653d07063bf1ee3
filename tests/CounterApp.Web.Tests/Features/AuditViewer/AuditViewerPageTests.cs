using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.AuditViewer;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.AuditViewer;

/// <summary>/supervisor/audit and its CSV export in the real app, by role.</summary>
public sealed class AuditViewerPageTests
{
    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Page_WhenSupervisorFiltersByActionPrefix_ListsOnlyThoseEntriesAndVerifiesTheChain()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var html = await client.GetStringAsync(new Uri("/supervisor/audit?action=staff.", UriKind.Relative));

        Assert.Contains("id=\"audit-table\"", html, StringComparison.Ordinal);
        Assert.Contains("staff.signed-in", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-town.created", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/supervisor/audit/export.csv?action=staff.\"", html, StringComparison.Ordinal);

        var (response, verified) = await FormPoster.PostAsync(client, "/supervisor/audit?action=staff.", "verify-audit", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"verify-ok\"", verified, StringComparison.Ordinal);
        Assert.Contains("id=\"verify-head-hash\"", verified, StringComparison.Ordinal);
        Assert.Contains("staff.signed-in", verified, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task Page_WhenAFilterFieldIsBad_NamesTheFieldWithoutAnError500()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var response = await client.GetAsync(new Uri("/supervisor/audit?resident=123&from=2026-13-01", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"filter-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"resident-error\"", html, StringComparison.Ordinal);
        Assert.Contains("住民票コードは11桁", html, StringComparison.Ordinal);
        Assert.Contains("期間（開始日）は", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"audit-table\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Export_WhenSupervisorOrAdministrator_ReturnsExcelCsvAndAuditsTheExport()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);
        using var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);

        var response = await client.GetAsync(new Uri("/supervisor/audit/export.csv?action=staff.&actor=supervisor", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var adminPage = await admin.GetStringAsync(new Uri("/supervisor/audit", UriKind.Relative));
        var bad = await client.GetAsync(new Uri("/supervisor/audit/export.csv?resident=abc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", AuditCsv.Header), lines[0]);
        Assert.All(lines[1..], l => Assert.Contains(",supervisor,", l, StringComparison.Ordinal));
        Assert.Contains(lines[1..], l => l.Contains(",staff.signed-in,", StringComparison.Ordinal));
        Assert.Contains("id=\"audit-table\"", adminPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("住民票コード", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditExport.AuditAction);
        Assert.Equal(("supervisor", "2"), (entry.Actor, entry.Counter));
        Assert.Contains("\"action\":\"staff.\"", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageAndExport_WhenClerk_AreDenied()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var html = await client.GetStringAsync(new Uri("/supervisor/audit", UriKind.Relative));
        client.DefaultRequestHeaders.Accept.Clear();
        var export = await client.GetAsync(new Uri("/supervisor/audit/export.csv", UriKind.Relative));

        Assert.Contains("id=\"access-denied\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("audit-table", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditExport.AuditAction));
    }
}
