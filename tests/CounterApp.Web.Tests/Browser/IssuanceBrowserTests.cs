using System.Security.Cryptography;
using CounterApp.Pki.Issuance;
using CounterApp.Pki.Profile;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Documents;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// Issue 7's end to end in Chromium on the embedded default: a clerk signs in, finds a resident, issues a certificate
/// the same day on the counter's simulated reader, downloads the certificate copy, and a supervisor sees the receipt.
/// </summary>
public sealed class IssuanceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private const string Password = "KAMI2026";

    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-VI-01")]
    [Trait("Rule", "R-FE-02")]
    [Trait("Rule", "R-CE-01")]
    [Trait("Rule", "R-CE-03")]
    public async Task SameDayIssuance_WhenClerkUsesTheSimulatedReader_IssuesAndSupervisorSeesTheReceipt()
    {
        await browser.EmptySimulatedReadersAsync();
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        Assert.Contains("シミュレーション", await page.InnerTextAsync(".app-header"), StringComparison.Ordinal);
        // The stylesheet really applies (compressed static assets are served from the build output too).
        Assert.Equal("absolute", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.skip-link')).position"));
        // A second tab on the start page: its header must follow the reader live (reader-state.js polling).
        var watcher = await page.Context.NewPageAsync();
        await watcher.GotoAsync("/");
        await watcher.WaitForSelectorAsync("[data-card-present=false]");

        // 上市 太郎 (photo card) found by kana typed in half-width.
        await IssuanceFlow.StartAsync(browser, page, "ｶﾐｲﾁ", "NewIssuance");
        var receipt = await IssuanceFlow.ThroughFeeAsync(browser, page, new DateOnly(2029, 4, 2));
        Assert.Matches(@"^\d{3}-\d{4}-\d{6}$", receipt);

        // The card goes into the counter's simulated reader; the resident types the demo PIN and a password.
        await page.WaitForSelectorAsync("#simulated-reader");
        var pin = (await page.InnerTextAsync("#demo-card-pin")).Trim();
        await page.ClickAsync("#simulated-insert");
        await page.WaitForSelectorAsync("#simulated-remove");
        await watcher.WaitForSelectorAsync("[data-card-present=true]", new() { Timeout = 30_000 });
        await IssuanceFlow.IssueAsync(browser, page, pin, Password);

        // Nothing the resident typed is in the page.
        var html = await page.ContentAsync();
        Assert.DoesNotContain(Password, html, StringComparison.Ordinal);

        var certificate = await LatestCertificateAsync("16322800001");
        var pdf = await IssuanceFlow.DownloadAsync(page, "#certificate-pdf");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));
        Assert.Contains(PdfTools.Squeeze(DocumentFormat.Gregorian(certificate.Certificate.ExpiresOn)), text, StringComparison.Ordinal);
        Assert.Contains(certificate.Certificate.Serial, await page.InnerTextAsync("#certificate-serial"), StringComparison.OrdinalIgnoreCase);

        // The supervisor's day list shows the receipt.
        var supervisor = await browser.SignedInPageAsync(StaffRoles.Supervisor);
        await supervisor.GotoAsync("/supervisor/receipts?day=2026-11-24");
        Assert.Contains(receipt, await supervisor.InnerTextAsync("#receipts-table"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    [Trait("Rule", "R-RV-01")]
    public async Task Renewal_WhenResidentIsInTheWindow_IssuesAndOcspSaysTheOldCertificateIsSuperseded()
    {
        var oldSerial = await GiveRealCertificateEndingSoonAsync("16322800007");
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);

        // 弓庄 恵子: her certificate ends within three months, so the resident page offers a renewal.
        await IssuanceFlow.StartAsync(browser, page, "ゆみのしょう", "Renewal");
        await IssuanceFlow.ThroughFeeAsync(browser, page, new DateOnly(2030, 1, 31));
        await page.WaitForSelectorAsync("#simulated-reader");
        if (await page.IsVisibleAsync("#simulated-remove"))
        {
            await page.ClickAsync("#simulated-remove");
            await page.WaitForSelectorAsync("#simulated-insert");
        }

        var pin = (await page.InnerTextAsync("#demo-card-pin")).Trim();
        await page.ClickAsync("#simulated-insert");
        await page.WaitForSelectorAsync("#simulated-remove");
        await IssuanceFlow.IssueAsync(browser, page, pin, Password);

        // OpenSSL asks the app's OCSP responder about the old certificate: revoked, superseded.
        using var openssl = new Pki.OpenSsl();
        using var client = browser.App.CreateClient();
        openssl.Write("ca.der", await client.GetByteArrayAsync(new Uri("/ca/toyama.cer", UriKind.Relative)));
        openssl.Ok("x509", "-inform", "DER", "-in", "ca.der", "-out", "ca.pem");
        var ocspUrl = new Uri(browser.BaseAddress, "ocsp").ToString();
        // The app's clock stands at 2026-11-24 10:00 JST: OpenSSL verifies as of that moment (-attime), and a wide
        // validity window keeps it from judging the response's thisUpdate by the machine's real date.
        var at = CounterAppFactory.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = openssl.Ok("ocsp", "-issuer", "ca.pem", "-serial", "0x" + oldSerial, "-url", ocspUrl, "-resp_text", "-CAfile", "ca.pem", "-attime", at, "-validity_period", "315360000");
        Assert.Contains("Response verify OK", answer, StringComparison.Ordinal);
        Assert.True(answer.Contains(": revoked", StringComparison.Ordinal), answer);
        Assert.Contains("Reason: superseded", answer, StringComparison.Ordinal);

        // The new certificate is active; the resident's page shows the old one revoked.
        var renewed = await LatestCertificateAsync("16322800007");
        Assert.NotEqual(oldSerial, renewed.Certificate.Serial);
        Assert.Equal(Domain.Certificates.CertificateStatus.Active, renewed.Status);
        await page.GotoAsync(page.Url[..page.Url.IndexOf("/applications", StringComparison.Ordinal)] + "/residents?q=16322800007");
        await page.ClickAsync("#results-table tbody a");
        Assert.Contains("revoked", await page.InnerHTMLAsync("#certificates"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupervisorPage_WhenClerkOpensItByUrl_IsRefused()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);

        await page.GotoAsync("/supervisor/voids");

        await page.WaitForSelectorAsync("#access-denied");
        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
    }

    /// <summary>
    /// The demo town's certificate rows are not in the CA's own register, so OCSP would say "unknown": the resident's
    /// current certificate is replaced by one the app's CA really issues, ending within a month (its card expiry cap
    /// set a month out), which puts it inside the renewal window (R-CE-04).
    /// </summary>
    private async Task<string> GiveRealCertificateEndingSoonAsync(string residentCode)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var ca = scope.ServiceProvider.GetRequiredService<PrefecturalCa>();
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.ResidentCode == residentCode);
        var municipality = await db.Offices.OrderBy(o => o.Id).Select(o => o.MunicipalityName).FirstAsync();
        var row = (await TestRegister.Statuses(db).Certificates.Where(CounterApp.Web.Applications.CertificateStatuses.IsValid).SingleAsync(c => c.Certificate.ResidentId == resident.Id)).Certificate;
        using var key = RSA.Create(2048);
        using var issued = ca.Authority.Issue(
            CertificateSubject.From(resident.ToDomain(), municipality),
            SubscriberKey.FromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo()),
            DateOnly.FromDateTime(CounterAppFactory.Now.Date).AddMonths(1));
        row.Serial = issued.Serial.Hex;
        row.IssuedOn = issued.Validity.IssuedOn;
        row.ExpiresOn = issued.Validity.ExpiresOn;
        await db.SaveChangesAsync();
        return row.Serial;
    }

    private async Task<CounterApp.Web.Applications.RegisteredCertificate> LatestCertificateAsync(string residentCode)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.ResidentCode == residentCode);
        return await TestRegister.Statuses(db).Certificates.AsNoTracking().Where(c => c.Certificate.ResidentId == resident.Id).OrderByDescending(c => c.Certificate.Id).FirstAsync();
    }
}
