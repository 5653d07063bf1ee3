using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Tests.Features.CaStatus;
using CounterApp.Web.Tests.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Browser;

/// <summary>The real app with the register API key, in Chromium.</summary>
public sealed class RegisterBrowserFixture() : BrowserFixture(new RegisterSyncAppFactory());

/// <summary>
/// In Chromium: the administrator opens the CA status from the admin menu and sees the CA's fingerprint; the register
/// reports a move-out of a resident holding a certificate, and the clerk sees why and when on the resident's page.
/// </summary>
public sealed class CaStatusBrowserTests(RegisterBrowserFixture browser) : IClassFixture<RegisterBrowserFixture>, IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-CE-07")]
    [Trait("Rule", "R-RV-02")]
    public async Task Administrator_SeesTheCaFingerprint_ThenClerk_SeesWhyAndWhenAfterTheRegistersMoveOut()
    {
        const string code = "16322800002"; // 剱 花子, card K0002
        // The fingerprint computed here from the certificate /ca/toyama.cer serves, not taken from the page's code.
        var computed = Convert.ToHexString(SHA256.HashData(browser.App.Services.GetRequiredService<PrefecturalCa>().CertificateDer.Span));

        var admin = await browser.SignedInPageAsync(StaffRoles.Administrator);
        await admin.GotoAsync("/admin");
        await admin.ClickAsync("#tile-admin-ca");
        await admin.WaitForURLAsync("**/admin/ca");
        var shown = await admin.InnerTextAsync("#ca-certificate [data-field=sha256]");
        Assert.Equal(computed, shown.Replace(" ", string.Empty, StringComparison.Ordinal).Trim());
        await browser.StepAsync(admin, "ca-status");

        using var cardKey = RSA.Create(2048);
        var (issued, _) = await CaIssuing.IssueAsync(browser.App.Services, cardKey, code);
        using var _ = issued;
        using (var register = new HttpClient { BaseAddress = browser.BaseAddress })
        {
            register.DefaultRequestHeaders.Add("X-Api-Key", RegisterSyncAppFactory.ApiKey);
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(CaStatusHandlerTests.Event("ev-browser-1", "MovedOut", code: code)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var posted = await register.PostAsync(new Uri("/api/register/events", UriKind.Relative), content);
            Assert.True(posted.IsSuccessStatusCode, $"The register API answered {(int)posted.StatusCode}.");
        }

        long residentId;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            // What RevocationProcessingService does on its next tick.
            await scope.ServiceProvider.GetRequiredService<RevocationProcessor>().ProcessPendingAsync();
            residentId = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Residents.Where(r => r.ResidentCode == code).Select(r => r.Id).SingleAsync();
        }

        var clerk = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await clerk.GotoAsync($"/residents/{residentId}");
        var note = await clerk.InnerTextAsync($"#revocation-{issued.Serial.Hex}");
        Assert.Contains("転出により失効", note, StringComparison.Ordinal);
        Assert.Contains("失効日時：令和8年(2026年)11月20日 9:00", note, StringComparison.Ordinal);
        Assert.Contains("ev-browser-1", note, StringComparison.Ordinal);
        Assert.Equal("Revoked", await clerk.GetAttributeAsync($"tr[data-serial='{issued.Serial.Hex}'] .badge", "data-status"));
        await browser.StepAsync(clerk, "resident-why");
    }
}
