using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DayClose;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>
/// Issue 12 §6, "what a clerk reads": every page a clerk, a supervisor and an administrator opens after a day's work
/// (applications, a letter, receipts, audit rows), and the PDFs printed, show era dates and names, never an ISO date
/// (R-X-04) nor an internal code (an enum member, a role, an identity-document code).
/// </summary>
public sealed class ShownTextSweepTests
{
    [Fact]
    [Trait("Rule", "R-X-04")]
    public async Task Pages_WhenEachRoleWalksThemAfterADaysWork_ShowNoIsoDateNorInternalCode()
    {
        await using var app = new CounterAppFactory();
        var day = await CounterDay.CreateAsync(app);
        var findings = new List<string>();
        var pages = 0;

        using (var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk))
        {
            foreach (var path in CounterPages(day))
            {
                findings.AddRange(await FindingsAsync(clerk, "clerk", path));
                pages++;
            }

            foreach (var pdf in new[] { $"/receipts/{day.ReceiptId}/pdf", $"/certificates/{day.CertificateId}/copy.pdf", "/letters/batch.pdf?day=2026-11-24" })
            {
                findings.AddRange(await PdfFindingsAsync(clerk, "clerk", pdf));
                pages++;
            }
        }

        using (var supervisor = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor))
        {
            string[] supervisorPages =
            [
                .. CounterPages(day), "/supervisor/receipts", "/supervisor/approvals", "/supervisor/voids", "/supervisor/day",
                "/supervisor/audit", "/supervisor/audit?page=2", $"/supervisor/audit?resident={CounterDay.Issued}",
            ];
            foreach (var path in supervisorPages)
            {
                findings.AddRange(await FindingsAsync(supervisor, "supervisor", path));
                pages++;
            }

            findings.AddRange(await PdfFindingsAsync(supervisor, "supervisor", DayCloseEndpoints.PdfUrl(new DateOnly(2026, 11, 24))));
            pages++;
        }

        using (var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator))
        {
            string clerkAccount;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
                clerkAccount = await db.Users.Where(u => u.UserName == StaffSignIn.UserNameOf(StaffRoles.Clerk)).Select(u => u.Id).SingleAsync();
            }

            string[] adminPages =
            [
                "/", "/admin", "/admin/hours", "/admin/fees", "/admin/documents", "/admin/offices", "/admin/deadlines", "/admin/periods",
                "/admin/agents", "/admin/ca", "/admin/staff", $"/admin/staff/{clerkAccount}", "/supervisor/audit", "/ca/fingerprint", "/rules",
                "/account/two-factor", "/account/password",
            ];
            foreach (var path in adminPages)
            {
                findings.AddRange(await FindingsAsync(admin, "admin", path));
                pages++;
            }
        }

        Assert.True(pages > 40, $"Only {pages} pages walked.");
        Assert.True(findings.Count == 0, $"{findings.Count} ISO date(s) or internal code(s) shown:\n" + string.Join("\n", findings));
    }

    private static string[] CounterPages(CounterDay day)
    {
        var issued = day.Residents[CounterDay.Issued];
        var proxy = day.Residents[CounterDay.ByProxy];
        var seal = day.Residents[CounterDay.AtSeal];
        return
        [
            "/", "/counter", "/residents", "/residents?q=%E3%81%8B%E3%81%BF%E3%81%84%E3%81%A1", "/residents?q=1980-04-02",
            .. day.Residents.Values.Select(id => $"/residents/{id}"),
            $"/applications/{day.IssuedApplication}", $"/applications/{day.ProxyApplication}", $"/applications/{day.SealApplication}",
            $"/applications/{day.RefusedApplication}", $"/applications/{day.SealApplication}/override/R-ID-02",
            $"/applications/{day.SealApplication}/cancel", $"/applications/{day.ProxyApplication}/cancel",
            $"/applications/new?resident={seal}", "/applications/second-visit", $"/applications/second-visit?reference={day.LetterReference}",
            $"/applications/second-visit?reference={day.LetterReference}&who=Proxy", $"/applications/second-visit?reference={day.LetterReference}&who=InPerson",
            "/letters", $"/residents/{issued}/card-services", $"/residents/{issued}/card-services/unlock", $"/residents/{issued}/card-services/password",
            $"/residents/{issued}/card-services/pin", $"/residents/{issued}/revoke", $"/residents/{proxy}/revoke",
            "/ca/fingerprint", "/rules", "/account/two-factor", "/account/password",
        ];
    }

    private static async Task<IEnumerable<string>> FindingsAsync(HttpClient client, string who, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} {path} answered {(int)response.StatusCode}.");
        Assert.DoesNotContain("id=\"access-denied\"", html, StringComparison.Ordinal);
        return ShownText.Findings(ShownText.Of(html)).Select(f => $"{who} {path}: {f}");
    }

    private static async Task<IEnumerable<string>> PdfFindingsAsync(HttpClient client, string who, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} {path} answered {(int)response.StatusCode}.");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync());
        return ShownText.Findings(text).Select(f => $"{who} {path}: {f}");
    }
}
