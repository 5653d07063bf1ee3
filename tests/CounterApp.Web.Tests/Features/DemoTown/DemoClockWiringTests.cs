using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Hosting;
using CounterApp.Web.Tests.Pki;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CounterApp.Web.Tests.Features.DemoTown;

/// <summary>
/// The demo clock shifts only the counter's rules: the CA, OCSP, CRL and the audit log keep the real time, so
/// `openssl ocsp` against the demo never reads an answer "not yet valid".
/// </summary>
public sealed partial class DemoClockWiringTests
{
    [Fact]
    [Trait("Rule", "R-HR-01")]
    public void UseDemoClockWhenAsked_WhenTheCounterIsClosed_ShiftsTheCounterClockButNotTheRealClock()
    {
        // Sunday 2026-11-22 19:20 in Tokyo: closed, so the demo clock runs from Tuesday 09:30.
        var real = new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 19, 20, 0, TimeSpan.FromHours(9)));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:OpenHoursClock"] = "true" });
        builder.Services.AddRealClock();

        builder.UseDemoClockWhenAsked(real);
        using var services = builder.Services.BuildServiceProvider();

        Assert.IsType<DemoClock>(services.GetRequiredService<TimeProvider>());
        Assert.True(services.GetRequiredService<TimeProvider>().GetUtcNow() > real.GetUtcNow().AddDays(1));
        Assert.Equal(real.GetUtcNow(), services.GetRequiredService<RealClock>().GetUtcNow());
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Ocsp_WhenTheCounterClockIsShifted_AnswersAndAuditsInRealTime()
    {
        // The factory fixes the counter's clock at 2026-11-24 10:00 Tokyo; the demo setting makes the real clock the
        // system's, as `./build.sh run` does outside counter hours.
        await using var factory = new CounterAppFactory { Settings = { ["Demo:OpenHoursClock"] = "true" } };
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var ca = factory.Services.GetRequiredService<PrefecturalCa>();
        using var content = new ByteArrayContent(Ocsp.Request(ca.Authority.Certificate, RandomNumberGenerator.GetBytes(16)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/ocsp-request");
        using var response = await client.PostAsync(new Uri("/ocsp", UriKind.Relative), content);
        var after = DateTimeOffset.UtcNow.AddSeconds(5);

        using var openssl = new OpenSsl();
        openssl.Write("response.der", await response.Content.ReadAsByteArrayAsync());
        openssl.WritePem("ca.pem", ca.Authority.Certificate);
        var (exitCode, output) = openssl.Run("ocsp", "-respin", "response.der", "-resp_text", "-CAfile", "ca.pem");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Response verify OK", output, StringComparison.Ordinal);
        var producedAt = DateTimeOffset.ParseExact(
            Spaces().Replace(ProducedAt().Match(output).Groups[1].Value, " "), "MMM d HH:mm:ss yyyy 'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(producedAt, before.AddSeconds(-1), after);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var signIn = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync(a => a.Action == "staff.signed-in");
        Assert.InRange(new DateTimeOffset(DateTime.SpecifyKind(signIn.At, DateTimeKind.Utc)), before.AddMinutes(-1), after);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task ReceiptBook_WhenTheCounterClockIsShifted_DatesTheReceiptByTheCounterAndItsAuditEntryByTheRealTime()
    {
        await using var factory = new CounterAppFactory { Settings = { ["Demo:OpenHoursClock"] = "true" } };
        _ = factory.Services;
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var office = await db.Offices.Select(o => o.Id).FirstAsync();

        var receipt = await scope.ServiceProvider.GetRequiredService<CounterApp.Web.Data.Receipts.ReceiptBook>()
            .IssueAsync(new CounterApp.Web.Data.Receipts.ReceiptRequest(office, [new(Domain.Fees.FeeItem.CertificateIssuance, 500)], "clerk"));

        Assert.Equal(CounterAppFactory.Now.UtcDateTime, DateTime.SpecifyKind(receipt.PaidAt, DateTimeKind.Utc));
        var entry = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync(a => a.Action == CounterApp.Web.Data.Receipts.ReceiptBook.AuditAction);
        Assert.InRange(new DateTimeOffset(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc)), before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [GeneratedRegex(@"Produced At: (.+ GMT)")]
    private static partial Regex ProducedAt();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
