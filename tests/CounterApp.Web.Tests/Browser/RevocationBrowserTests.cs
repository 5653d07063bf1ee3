using System.Globalization;
using CounterApp.Domain.Certificates;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// Issue 8's revocation on request in Chromium: a clerk issues 上市 太郎 a certificate on the simulated reader, then
/// revokes it from his page at his request (an expired licence first refused with the rule named), prints the form,
/// and OpenSSL asks the app's OCSP responder: revoked, cessationOfOperation (R-RV-01, R-RV-03).
/// </summary>
public sealed class RevocationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private const string Taro = "16322800001";

    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-RV-01")]
    [Trait("Rule", "R-RV-03")]
    [Trait("Rule", "R-X-03")]
    public async Task RevocationOnRequest_WhenTheResidentComesInPerson_RevokesAndOcspSaysRevoked()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await IssuanceFlow.StartAsync(browser, page, "ｶﾐｲﾁ", "NewIssuance");
        await IssuanceFlow.ThroughFeeAsync(browser, page, new DateOnly(2029, 4, 2));
        await page.WaitForSelectorAsync("#simulated-reader");
        if (await page.IsVisibleAsync("#simulated-remove"))
        {
            await page.ClickAsync("#simulated-remove");
            await page.WaitForSelectorAsync("#simulated-insert");
        }

        var pin = (await page.InnerTextAsync("#demo-card-pin")).Trim();
        await page.ClickAsync("#simulated-insert");
        await page.WaitForSelectorAsync("#simulated-remove");
        await IssuanceFlow.IssueAsync(browser, page, pin, "KAMI2026");
        var serial = (await ActiveCertificateAsync()).Certificate.Serial;

        // From the resident's page: revoke, at his request, in person.
        await page.GotoAsync("/residents?q=" + Taro);
        await page.ClickAsync("#results-table tbody a");
        await page.ClickAsync("#start-revocation");
        await page.WaitForSelectorAsync("#step-choose");
        await browser.StepAsync(page, "revoke-choose");
        await page.CheckAsync($"#certificate-{serial}");
        await page.CheckAsync("#procedure-RevocationRequest");
        await page.CheckAsync("#applicant-InPerson");
        await page.ClickAsync("#next");
        await page.WaitForSelectorAsync("#step-confirm");
        await browser.StepAsync(page, "revoke-confirm");
        Assert.Contains(serial, await page.InnerTextAsync("#summary-serial"), StringComparison.Ordinal);
        Assert.Equal("利用の停止", (await page.InnerTextAsync("#summary-reason")).Trim());
        Assert.Equal("cessationOfOperation", await page.GetAttributeAsync("#summary-reason", "data-reason"));

        // An expired licence is refused: the rule is named, focus goes to the list, nothing is revoked.
        await FillDocumentAsync(page, new DateOnly(2026, 11, 1));
        await page.ClickAsync("#revoke");
        await page.WaitForSelectorAsync("#revocation-errors [data-rule='R-ID-03']");
        Assert.Equal("revocation-errors", await page.EvaluateAsync<string>("document.activeElement.id"));
        await browser.StepAsync(page, "revoke-refused");
        Assert.Equal(CertificateStatus.Active, (await ActiveCertificateAsync()).Status);

        // A current one: revoked.
        await FillDocumentAsync(page, new DateOnly(2029, 4, 2));
        await page.ClickAsync("#revoke");
        await page.WaitForSelectorAsync("#step-done");
        await browser.StepAsync(page, "revoke-done");
        Assert.Contains(serial, await page.InnerTextAsync("#revocation-ok"), StringComparison.Ordinal);

        var text = PdfTools.Squeeze(await PdfTools.TextAsync(await IssuanceFlow.DownloadAsync(page, "#print-form")));
        Assert.Contains(serial, text, StringComparison.Ordinal);
        Assert.Contains("上市", text, StringComparison.Ordinal);
        Assert.Contains("失効申請", text, StringComparison.Ordinal);

        // OpenSSL asks the app's OCSP responder, as of the app's clock: revoked, cessationOfOperation.
        using var openssl = new Pki.OpenSsl();
        using var client = browser.App.CreateClient();
        openssl.Write("ca.der", await client.GetByteArrayAsync(new Uri("/ca/toyama.cer", UriKind.Relative)));
        openssl.Ok("x509", "-inform", "DER", "-in", "ca.der", "-out", "ca.pem");
        var ocspUrl = new Uri(browser.BaseAddress, "ocsp").ToString();
        var at = CounterAppFactory.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var answer = openssl.Ok("ocsp", "-issuer", "ca.pem", "-serial", "0x" + serial, "-url", ocspUrl, "-resp_text", "-CAfile", "ca.pem", "-attime", at, "-validity_period", "315360000");
        Assert.Contains("Response verify OK", answer, StringComparison.Ordinal);
        Assert.True(answer.Contains(": revoked", StringComparison.Ordinal), answer);
        Assert.Contains("Reason: cessationOfOperation", answer, StringComparison.Ordinal);

        // The next CRL the CA signs lists it with the same reason.
        var crl = browser.App.Services.GetRequiredService<PrefecturalCa>().Authority.BuildCrl();
        openssl.Write("next.crl", crl.Der.Span);
        var listed = openssl.Ok("crl", "-inform", "DER", "-in", "next.crl", "-noout", "-text");
        Assert.Contains(serial, listed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Cessation Of Operation", listed, StringComparison.Ordinal);

        // The resident's page shows it revoked and no longer offers a revocation.
        await page.GotoAsync("/residents?q=" + Taro);
        await page.ClickAsync("#results-table tbody a");
        await page.WaitForSelectorAsync("#certificates");
        Assert.Contains("revoked", await page.InnerHTMLAsync($"#certificates tr[data-serial='{serial}']"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#start-revocation"));
    }

    private static async Task FillDocumentAsync(IPage page, DateOnly expires)
    {
        await page.SelectOptionAsync("#document-type", "driver-licence");
        await page.FillAsync("#document-expires", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.CheckAsync("#document-address");
        await page.SetInputFilesAsync("#document-copy", new FilePayload { Name = "licence.png", MimeType = "image/png", Buffer = IssuanceFlow.ScannedCopy });
    }

    /// <summary>上市 太郎's certificate issued in this test (the newest).</summary>
    private async Task<CounterApp.Web.Applications.RegisteredCertificate> ActiveCertificateAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.ResidentCode == Taro);
        return await TestRegister.Statuses(db).Certificates.AsNoTracking().Where(c => c.Certificate.ResidentId == resident.Id).OrderByDescending(c => c.Certificate.Id).FirstAsync();
    }
}
