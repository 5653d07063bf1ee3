using System.Net;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.Receipts;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Receipts;

/// <summary>GET /receipts/{id}/pdf and /supervisor/receipts in the real app, by role.</summary>
public sealed class ReceiptPagesTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    [Trait("Rule", "R-FE-02")]
    public async Task Pdf_WhenClerk_ReturnsTheReceiptPdfAndAuditsThePrint()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var (id, number) = await PayAsync(app, "16322800002", voided: false);

        var response = await client.GetAsync(new Uri($"/receipts/{id}/pdf", UriKind.Relative));
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == ReceiptPrintHandler.AuditAction);
        Assert.Equal(("clerk", "2", "16322800002", AuditOutcomes.Succeeded), (entry.Actor, entry.Counter, entry.ResidentCode, entry.Outcome));
        Assert.Contains(number, entry.Details);
    }

    [Fact]
    [Trait("Rule", "R-FE-03")]
    public async Task Pdf_WhenVoided_Answers409WithTheReason()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);
        var (id, number) = await PayAsync(app, "16322800001", voided: true);

        var response = await client.GetAsync(new Uri($"/receipts/{id}/pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"領収書 {number} は取消・還付済み", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_WhenAnonymousOrAdministrator_IsRefusedAndNothingIsPrinted()
    {
        await using var app = new CounterAppFactory();
        var (id, _) = await PayAsync(app, "16322800002", voided: false);
        using var anonymous = app.CreateClient(NoRedirects);
        using var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        admin.DefaultRequestHeaders.Accept.Clear();

        var anonymousResponse = await anonymous.GetAsync(new Uri($"/receipts/{id}/pdf", UriKind.Relative));
        var adminResponse = await admin.GetAsync(new Uri($"/receipts/{id}/pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminResponse.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == ReceiptPrintHandler.AuditAction));
    }

    [Fact]
    [Trait("Rule", "R-FE-04")]
    public async Task DayPage_WhenSupervisor_ListsTodaysReceiptsWithPdfLinkExceptForTheVoided()
    {
        await using var app = new CounterAppFactory();
        var (paid, paidNumber) = await PayAsync(app, "16322800002", voided: false);
        var (voided, voidedNumber) = await PayAsync(app, "16322800001", voided: true);
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var html = await client.GetStringAsync(new Uri("/supervisor/receipts", UriKind.Relative));
        var otherDay = await client.GetStringAsync(new Uri("/supervisor/receipts?day=2026-11-23", UriKind.Relative));

        Assert.Contains("<label for=\"day\">日付</label>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-24\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-receipt=\"{paidNumber}\" data-voided=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-receipt=\"{voidedNumber}\" data-voided=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/receipts/{paid}/pdf\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/receipts/{voided}/pdf\"", html, StringComparison.Ordinal);
        Assert.Contains("窓口 一郎", html, StringComparison.Ordinal);
        Assert.Contains("剱 花子", html, StringComparison.Ordinal);
        Assert.Contains("取消（書込み失敗）", html, StringComparison.Ordinal);
        Assert.Contains("id=\"receipts-none\"", otherDay, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task DayPage_WhenDayMalformed_NamesTheFieldAndFocusesIt()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var html = await client.GetStringAsync(new Uri("/supervisor/receipts?day=24.11.2026", UriKind.Relative));

        Assert.Contains("id=\"day-error\">日付「24.11.2026」は", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" autofocus", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DayPage_WhenClerkOpensItByUrl_IsDenied()
    {
        await using var app = new CounterAppFactory();
        await PayAsync(app, "16322800002", voided: false);
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var html = await client.GetStringAsync(new Uri("/supervisor/receipts", UriKind.Relative));

        Assert.Contains("id=\"access-denied\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("receipts-table", html, StringComparison.Ordinal);
    }

    /// <summary>A 500-yen receipt paid today at 9:30 at counter 2 by the demo clerk, for an application of the resident.</summary>
    private static async Task<(long Id, string Number)> PayAsync(CounterAppFactory app, string residentCode, bool voided)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var office = await db.Offices.Include(o => o.Counters).SingleAsync(o => o.Code == DemoTownSeeder.OfficeCode);
        var paidAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(9));
        var application = new ApplicationRecord
        {
            Id = Guid.NewGuid(),
            OfficeId = office.Id,
            CounterId = office.Counters[0].Id,
            ResidentId = await db.Residents.Where(r => r.ResidentCode == residentCode).Select(r => r.Id).SingleAsync(),
            Procedure = Procedure.NewIssuance,
            Applicant = ApplicantKind.InPerson,
            State = ApplicationState.FeePaid,
            ReceivedAt = paidAt.UtcDateTime,
            ReceivedBy = "clerk",
        };
        var sequence = await db.Receipts.CountAsync() + 1;
        var receipt = new Receipt
        {
            OfficeId = office.Id,
            FiscalYear = 2026,
            Sequence = sequence,
            Number = new ReceiptNumber(office.Code, 2026, sequence).ToString(),
            ApplicationId = application.Id,
            CounterId = office.Counters[0].Id,
            Clerk = "clerk",
            PaidAt = paidAt.UtcDateTime,
            LedgerDay = new DateOnly(2026, 11, 24),
            Total = 500,
            Lines = [new ReceiptLine { Item = FeeItem.CertificateIssuance, Amount = 500 }],
            Void = voided ? new ReceiptVoid { Kind = PaymentVoidKind.Void, Reason = "書込み失敗", RequestedBy = "clerk", ApprovedBy = "supervisor", At = paidAt.UtcDateTime, LedgerDay = new DateOnly(2026, 11, 24) } : null,
        };
        db.Applications.Add(application);
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync();
        return (receipt.Id, receipt.Number);
    }
}
