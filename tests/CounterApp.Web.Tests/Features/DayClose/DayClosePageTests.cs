using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DayClose;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.DayClose;

/// <summary>/supervisor/day and the ledger PDF in the real app (clock fixed at 2026-11-24 10:00 JST), by role.</summary>
public sealed class DayClosePageTests
{
    [Fact]
    [Trait("Rule", "R-FE-04")]
    public async Task Close_WhenSupervisorCountsTheCash_ClosesTheDayShowsWhoAndServesTheStoredLedger()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var open = await client.GetStringAsync(new Uri("/supervisor/day", UriKind.Relative));
        Assert.Contains("id=\"day-open\"", open, StringComparison.Ordinal);
        Assert.Contains("for=\"cash-counted-input\"", open, StringComparison.Ordinal);

        var (_, refused) = await FormPoster.PostAsync(client, "/supervisor/day", "close-day", new Dictionary<string, string>
        {
            ["Form.Day"] = "2026-11-24",
            ["Form.ExpectedReviewed"] = "0",
            ["Form.CashCounted"] = "abc",
        });
        Assert.Contains("id=\"cash-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("現金実査額は0以上の整数", refused, StringComparison.Ordinal);

        var (response, closed) = await FormPoster.PostAsync(client, "/supervisor/day", "close-day", new Dictionary<string, string>
        {
            ["Form.Day"] = "2026-11-24",
            ["Form.ExpectedReviewed"] = "0",
            ["Form.CashCounted"] = "０",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"close-done\"", closed, StringComparison.Ordinal);
        Assert.Contains("id=\"day-closed\"", closed, StringComparison.Ordinal);
        Assert.Contains("係長 二郎", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"close-day\"", closed, StringComparison.Ordinal);

        // Closing again (a stale tab) is refused by the handler with the field named.
        var (_, again) = await FormPoster.PostAsync(client, "/supervisor/day?day=2026-11-23", "close-day", new Dictionary<string, string>
        {
            ["Form.Day"] = "2026-11-24",
            ["Form.ExpectedReviewed"] = "0",
            ["Form.CashCounted"] = "0",
        });
        Assert.Contains("id=\"close-errors\"", again, StringComparison.Ordinal);
        Assert.Contains("対象日", again, StringComparison.Ordinal);

        var pdf = await client.GetAsync(new Uri(DayCloseEndpoints.PdfUrl(new DateOnly(2026, 11, 24)), UriKind.Relative));
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var row = await db.LedgerDays.AsNoTracking().SingleAsync(d => d.Day == new DateOnly(2026, 11, 24));
        Assert.Equal((LedgerDayStatus.Closed, "supervisor", 0), (row.Status, row.ClosedBy, row.CashCounted));
        Assert.Equal(row.LedgerPdf, bytes);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == CloseLedgerDayHandler.AuditAction && a.Outcome == "succeeded"));
        var print = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == LedgerPdfDownload.AuditAction);
        Assert.Equal(("supervisor", "2"), (print.Actor, print.Counter));
        Assert.Contains(row.LedgerPdfSha256!, print.Details, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task Page_WhenTheDayIsNotADate_NamesTheFieldWithoutAnError500()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var response = await client.GetAsync(new Uri("/supervisor/day?day=2026-02-30", UriKind.Relative));
        var pdf = await client.GetAsync(new Uri("/supervisor/day/yesterday/ledger.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"day-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("対象日", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageAndPdf_WhenClerk_AreDenied()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var html = await client.GetStringAsync(new Uri("/supervisor/day", UriKind.Relative));
        client.DefaultRequestHeaders.Accept.Clear();
        var pdf = await client.GetAsync(new Uri(DayCloseEndpoints.PdfUrl(new DateOnly(2026, 11, 24)), UriKind.Relative));

        Assert.Contains("id=\"access-denied\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("day-totals", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, pdf.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == LedgerPdfDownload.AuditAction));
    }
}
