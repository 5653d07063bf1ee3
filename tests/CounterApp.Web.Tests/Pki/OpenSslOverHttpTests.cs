using System.Security.Cryptography;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CertificateAuthority;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Pki;

/// <summary>
/// The outside verifier against the running app on Kestrel (real clock, real loopback port): OpenSSL asks /ocsp
/// about a certificate the wired CA issued for a fresh card key, gets good, then revoked once the register's
/// revocation request was carried out, verifying the delegated responder's signature each time; and verifies the CRL
/// fetched from /crl/toyama.crl, which lists the serial with its reason.
/// </summary>
[Trait("Rule", "R-RV-03")]
public sealed class OpenSslOverHttpTests : IAsyncLifetime
{
    private readonly PkiApp _app = new(systemClock: true);

    public ValueTask InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Rule", "R-RV-02")]
    public async Task OpenSsl_WhenTheRegisterRevokesACertificate_OcspSaysGoodThenRevokedAndTheCrlListsItWithItsReason()
    {
        using var openssl = new OpenSsl();
        using var client = _app.CreateClient();
        var ocspUrl = new Uri(_app.ClientOptions.BaseAddress, "ocsp").ToString();
        Assert.StartsWith("http://127.0.0.1:", ocspUrl);
        openssl.Write("ca.der", await client.GetByteArrayAsync(new Uri("/ca/toyama.cer", UriKind.Relative)));
        openssl.Ok("x509", "-inform", "DER", "-in", "ca.der", "-out", "ca.pem");
        using var cardKey = RSA.Create(2048);
        var (issued, certificateId) = await _app.IssueForDemoResidentAsync(cardKey);
        using var _ = issued;
        openssl.WritePem("leaf.pem", issued.Certificate);
        string[] ask = ["ocsp", "-issuer", "ca.pem", "-cert", "leaf.pem", "-url", ocspUrl, "-resp_text", "-CAfile", "ca.pem"];

        var good = openssl.Ok(ask);
        await RevokeThroughTheRegisterAsync(certificateId, RevocationReason.AffiliationChanged);
        var revoked = openssl.Ok(ask);
        openssl.Write("crl.der", await client.GetByteArrayAsync(new Uri("/crl/toyama.crl", UriKind.Relative)));
        var crl = openssl.Ok("crl", "-inform", "DER", "-in", "crl.der", "-CAfile", "ca.pem", "-verify", "-noout", "-text");

        Assert.Contains("Response verify OK", good);
        Assert.Contains("leaf.pem: good", good);
        Assert.Contains("OCSP Nonce", good);
        Assert.DoesNotContain("WARNING", good);
        Assert.Contains("Response verify OK", revoked);
        Assert.Contains("leaf.pem: revoked", revoked);
        Assert.Contains("Reason: affiliationChanged", revoked);
        Assert.Contains("verify OK", crl);
        var entry = crl[crl.IndexOf($"Serial Number: {issued.Serial.Hex}", StringComparison.Ordinal)..];
        Assert.Contains("X509v3 CRL Reason Code: \n                Affiliation Changed", entry);
    }

    // What the register sync writes for R-RV-02, then the job that carries it out (the same one the hosted service runs).
    private async Task RevokeThroughTheRegisterAsync(long certificateId, RevocationReason reason)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var now = DateTime.UtcNow;
        db.RevocationRequests.Add(new RevocationRequestRecord
        {
            CertificateId = certificateId,
            Reason = reason,
            EffectiveAt = now.AddMinutes(-1),
            RuleId = "R-RV-02",
            Cause = "住所の変更 (test)",
            RequestedAt = now,
        });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<RevocationProcessor>().ProcessPendingAsync();
    }
}
