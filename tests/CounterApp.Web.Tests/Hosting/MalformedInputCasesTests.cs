using System.Net;
using System.Text;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Features.RegisterSync;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>
/// The malformed inputs that answered 500 (issue 12, section 2), one by one, with what they answer now: a 404 for what
/// names nothing, or a message naming the field and the rule. <see cref="MalformedInputTests"/> sweeps every route.
/// </summary>
public sealed class MalformedInputCasesTests(RegisterSyncAppFactory app) : IClassFixture<RegisterSyncAppFactory>
{
    private const string NotFound = "ページが見つかりません";

    [Theory]
    [Trait("Rule", "R-X-03")]
    [InlineData("/applications/new")]
    [InlineData("/applications/new?resident=99999")]
    [InlineData("/applications/new?resident=abc")]
    [InlineData("/residents/99999/card-services")]
    [InlineData("/residents/99999/revoke")]
    [InlineData("/residents/1/revoke?done=abc")]
    public async Task CounterPage_WhenResidentOrQueryNamesNothing_Answers404Page(string url)
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(NotFound, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "R-X-03")]
    [InlineData("abc")]
    [InlineData("99999")]
    public async Task AdminHours_WhenOfficeQueryNamesNoOffice_Answers404Page(string office)
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);

        using var response = await client.GetAsync(new Uri("/admin/hours?office=" + office, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(NotFound, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "R-X-03")]
    [InlineData("page=abc", "ページ番号（page）は 1 から")]
    [InlineData("page=0", "ページ番号（page）は 1 から")]
    [InlineData("from=0001-01-01", "期間（開始日）は1873-01-01")]
    [InlineData("to=0001-01-01", "期間（終了日）は1873-01-01")]
    public async Task AuditViewer_WhenPageOrDateCannotBeUsed_NamesTheFieldAndTheRule(string query, string message)
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        using var response = await client.GetAsync(new Uri("/supervisor/audit?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"filter-errors\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task AuditViewer_WhenToIsTheLastDay_ListsWithoutAnUpperBound()
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        using var page = await client.GetAsync(new Uri("/supervisor/audit?to=9999-12-31", UriKind.Relative));
        using var export = await client.GetAsync(new Uri("/supervisor/audit/export.csv?to=9999-12-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("id=\"filter-errors\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("staff.signed-in", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task AuditExport_WhenFromIsBefore1873_Answers400NamingTheField()
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        using var response = await client.GetAsync(new Uri("/supervisor/audit/export.csv?from=0001-01-01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("期間（開始日）は1873-01-01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task LedgerPdf_WhenDayIsBefore1873_Answers400NamingTheDay()
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        using var response = await client.GetAsync(new Uri("/supervisor/day/0001-01-01/ledger.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("対象日は1873-01-01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task DayClose_WhenPostedDayIsBefore1873_RefusesNamingTheDay()
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var (response, html) = await FormPoster.PostAsync(client, "/supervisor/day", "close-day", new Dictionary<string, string>
        {
            ["Form.Day"] = "0001-01-01",
            ["Form.ExpectedReviewed"] = "0",
            ["Form.CashCounted"] = "0",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"day-error\"", html, StringComparison.Ordinal);
        Assert.Contains("対象日は1873-01-01", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"close-done\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task AdminDeadlines_WhenProcedureIsANumber_RefusesNamingIt()
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var page = await client.GetStringAsync(new Uri("/admin/deadlines", UriKind.Relative));
        var (_, defaults, _) = HtmlForms.Read(page, "/admin/deadlines").Where(f => f.Defaults.Any(d => d.Value == "save-deadlines")).MaxBy(f => f.Fields.Count);
        var fields = defaults.Select(d => d.Key.EndsWith(".Procedure", StringComparison.Ordinal) ? new KeyValuePair<string, string>(d.Key, "0") : d);

        using var response = await client.PostAsync(new Uri("/admin/deadlines", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("手続「0」には受付終了日時を設定できません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task RegisterEvents_WhenBodyIsNotUtf8_Answers400NamingTheBody()
    {
        using var client = app.CreateAuthorizedClient();
        byte[] body = [.. "{\"eventId\":\"x"u8, 0xC3, 0x28, .. "\",\"kind\":\"Died\",\"residentCode\":\"16322800901\"}"u8];
        using var content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };

        using var response = await client.PostAsync(new Uri("/api/register/events", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"field\":\"body\"", problem, StringComparison.Ordinal);
        Assert.Contains("UTF-8", problem, StringComparison.Ordinal);
    }
}
