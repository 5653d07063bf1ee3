using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CaFingerprint;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.CaFingerprint;

/// <summary>/ca/fingerprint on the real app over HTTP (SQLite; the audited handler runs on both providers elsewhere).</summary>
public sealed partial class CaFingerprintPageTests(CounterAppFactory app) : IClassFixture<CounterAppFactory>
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Theory]
    [Trait("Rule", "R-CE-07")]
    [InlineData(StaffRoles.Clerk)]
    [InlineData(StaffRoles.Supervisor)]
    [InlineData(StaffRoles.Administrator)]
    public async Task Page_WhenStaffOpensIt_ShowsTheSha256AndSha1OfTheDerTheCertificateEndpointServes(string role)
    {
        using var client = await StaffSignIn.SignInAsync(app, role);
        var start = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var html = await client.GetStringAsync(new Uri("/ca/fingerprint", UriKind.Relative));
        var download = DownloadLink().Match(html);
        Assert.True(download.Success, "The page has no download link.");
        using var anonymous = app.CreateClient();
        using var served = await anonymous.GetAsync(new Uri(download.Groups[1].Value, UriKind.Relative));
        var der = await served.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(CaEndpoints.CertificateContentType, served.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"/ca/{app.Services.GetRequiredService<PrefecturalCa>().Id}.cer", download.Groups[1].Value);
        Assert.Contains("id=\"tile-ca-fingerprint\"", start, StringComparison.Ordinal);
        Assert.Matches($"<dd data-field=\"sha256\"><code[^>]*>{Grouped(SHA256.HashData(der))}</code></dd>", html);
#pragma warning disable CA5350, CA5351 // R-CE-07: SHA-1 is published too, MD5 must never appear; the test computes both independently.
        Assert.Matches($"<dd data-field=\"sha1\"><code[^>]*>{Grouped(SHA1.HashData(der))}</code></dd>", html);
        Assert.DoesNotContain(Grouped(MD5.HashData(der)), html, StringComparison.Ordinal);
#pragma warning restore CA5350, CA5351
        Assert.Contains("認証局証明書のフィンガープリント確認", html, StringComparison.Ordinal);
        Assert.Contains("令和", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CE-07")]
    [Trait("Rule", "R-X-01")]
    public async Task Compare_WhenTheClerkTypesTheSha256LowerCaseWithColons_SaysMatchAndAuditsIt()
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var der = await client.GetByteArrayAsync(new Uri($"/ca/{app.Services.GetRequiredService<PrefecturalCa>().Id}.cer", UriKind.Relative));
        var typed = FingerprintTestCertificates.LowerWithColons(Convert.ToHexString(SHA256.HashData(der)));

        var (response, html) = await FormPoster.PostAsync(client, "/ca/fingerprint", "ca-fingerprint", new Dictionary<string, string> { ["Form.Fingerprint"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-outcome=\"Match\" data-algorithm=\"SHA-256\"", html, StringComparison.Ordinal);
        Assert.Contains(">一致</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"<dd data-field=\"typed\"><code>{Grouped(SHA256.HashData(der))}</code></dd>", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == CompareFingerprintHandler.AuditAction && a.Actor == StaffSignIn.UserNameOf(StaffRoles.Clerk))
            .OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("matched", "2"), (entry.Outcome, entry.Counter));
        Assert.Equal(typed, JsonSerializer.Deserialize<Dictionary<string, string?>>(entry.Details!)!["typed"]);
    }

    [Fact]
    [Trait("Rule", "R-CE-07")]
    [Trait("Rule", "R-X-03")]
    public async Task Compare_WhenAnMd5LengthValueIsTyped_RefusesItSayingMd5IsNotUsed()
    {
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var (response, html) = await FormPoster.PostAsync(client, "/ca/fingerprint", "ca-fingerprint", new Dictionary<string, string> { ["Form.Fingerprint"] = new string('a', 32) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-outcome=\"Md5NotUsed\"", html, StringComparison.Ordinal);
        Assert.Contains("MD5 は使用していません", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">一致</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WhenAnonymous_RedirectsToSignIn()
    {
        using var anonymous = app.CreateClient(NoRedirects);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ca/fingerprint", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private static string Grouped(byte[] hash) => TypedFingerprintRule.Grouped(Convert.ToHexString(hash));

    [GeneratedRegex("id=\"ca-download-info\">[^<]*<a href=\"([^\"]+)\" id=\"ca-download\"")]
    private static partial Regex DownloadLink();
}
