using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CounterApp.Pki.Fingerprints;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Tests.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.CaStatus;

/// <summary>
/// /admin/ca on the real app over HTTP (SQLite; the handler runs on both providers in CaStatusHandlerTests), and the
/// resident page after the register API reports a move-out (R-RV-02). Tests of a class run one after another.
/// </summary>
public sealed class CaStatusPageTests(RegisterSyncAppFactory app) : IClassFixture<RegisterSyncAppFactory>
{
    [Fact]
    [Trait("Rule", "R-CE-07")]
    public async Task CaPage_WhenAdministratorOpensIt_ShowsTheFingerprintOfTheServedCaCertificateAndTheCrlNextUpdate()
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var served = await client.GetByteArrayAsync(new Uri("/ca/toyama.cer", UriKind.Relative));
        var sha256 = Grouped(SHA256.HashData(served));

        var overview = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));
        using var response = await client.GetAsync(new Uri("/admin/ca", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("id=\"tile-admin-ca\"", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("認証局の状態", html, StringComparison.Ordinal);
        Assert.Contains($"<dd data-field=\"sha256\"><code>{sha256}</code></dd>", html, StringComparison.Ordinal);
        var crl = app.Services.GetRequiredService<PrefecturalCa>().Crl.Current();
        Assert.Contains($"data-utc=\"{crl.NextUpdate.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"crl-number\">{crl.Number}</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"crl-overdue\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ocsp-check\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [InlineData(StaffRoles.Clerk)]
    [InlineData(StaffRoles.Supervisor)]
    public async Task CaPage_WhenClerkOrSupervisor_IsDenied(string role)
    {
        using var client = await StaffSignIn.SignInAsync(app, role);

        using var response = await client.GetAsync(new Uri("/admin/ca", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden || response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/denied", StringComparison.Ordinal),
            $"{role} reached /admin/ca: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
        Assert.DoesNotContain("data-field=\"sha256\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ocsp-check\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-RV-02")]
    [Trait("Rule", "R-RV-03")]
    public async Task RegisterMoveOut_WhenTheCaHasRevoked_TheClerkSeesWhyAndWhenAndTheCaPageSaysRevoked()
    {
        const string code = "16322800006"; // 中山 次郎, card K0006
        using var cardKey = RSA.Create(2048);
        var (issued, _) = await CaIssuing.IssueAsync(app.Services, cardKey, code);
        using var _ = issued;
        using var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var before = await admin.GetStringAsync(new Uri("/admin/ca", UriKind.Relative));

        using var register = app.CreateAuthorizedClient();
        using var posted = await register.PostAsync(
            new Uri("/api/register/events", UriKind.Relative),
            Json(CaStatusHandlerTests.Event("ev-page-1", "MovedOut", code: code)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RevocationProcessor>().ProcessPendingAsync();
        }

        long residentId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            residentId = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Residents.Where(r => r.ResidentCode == code).Select(r => r.Id).SingleAsync();
        }

        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var page = await clerk.GetStringAsync(new Uri($"/residents/{residentId}", UriKind.Relative));
        var after = await admin.GetStringAsync(new Uri("/admin/ca", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains($"id=\"revocation-{issued.Serial.Hex}\"", page, StringComparison.Ordinal);
        Assert.Contains("転出により失効", page, StringComparison.Ordinal);
        Assert.Contains("失効日時：令和8年(2026年)11月20日 9:00", page, StringComparison.Ordinal);
        Assert.Contains("イベントID ev-page-1", page, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"Good\"", before, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"Revoked\"", after, StringComparison.Ordinal);
        Assert.Contains(issued.Serial.Hex, after, StringComparison.Ordinal);
    }

    private static string Grouped(byte[] hash) => CertificateFingerprint.TryParse(Convert.ToHexString(hash), out var fingerprint) ? fingerprint!.Grouped : throw new InvalidOperationException();

    private static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
