using CounterApp.Domain.Revocation;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Outside;

[Trait("Rule", "R-RV-03")]
public sealed class OpenSslCrlTests(AuthorityFixture toyama, MiyagiFixture miyagi)
{
    [Fact]
    public void Crl_WhenCertificatesRevoked_OpenSslVerifiesItAndListsEachSerialWithItsReason()
    {
        using var folder = new TempFolder();
        var reasons = new[] { RevocationReason.KeyCompromise, RevocationReason.Superseded, RevocationReason.CessationOfOperation, RevocationReason.AffiliationChanged, RevocationReason.Unspecified };
        var revoked = reasons.Select(reason =>
        {
            using var issued = toyama.Issue();
            toyama.Authority.Revoke(issued.Serial, reason, DateTimeOffset.UtcNow.AddMinutes(-2));
            return (issued.Serial, reason);
        }).ToList();
        var crl = toyama.Authority.BuildCrl();
        folder.WritePem("ca.pem", toyama.Authority.Certificate);
        folder.Write("crl.der", crl.Der.Span);

        var text = Tool.OpenSslOk(folder.Path, "crl", "-in", "crl.der", "-inform", "DER", "-CAfile", "ca.pem", "-verify", "-noout", "-text");

        Assert.Contains("verify OK", text);
        Assert.Contains("Signature Algorithm: sha256WithRSAEncryption", text);
        Assert.Contains($"X509v3 CRL Number: \n                {crl.Number}", text);
        Assert.Contains("X509v3 Authority Key Identifier:", text);
        Assert.Contains("Next Update: " + OpenSslTime(crl.NextUpdate), text);
        foreach (var (serial, reason) in revoked)
        {
            var entry = text[text.IndexOf($"Serial Number: {serial.Hex}", StringComparison.Ordinal)..];
            var next = entry.IndexOf("Serial Number:", 10, StringComparison.Ordinal);
            entry = next > 0 ? entry[..next] : entry;
            var label = reason switch
            {
                RevocationReason.KeyCompromise => "Key Compromise",
                RevocationReason.Superseded => "Superseded",
                RevocationReason.CessationOfOperation => "Cessation Of Operation",
                RevocationReason.AffiliationChanged => "Affiliation Changed",
                _ => null,
            };
            if (label is null)
            {
                Assert.DoesNotContain("CRL Reason Code", entry);
            }
            else
            {
                Assert.Contains($"X509v3 CRL Reason Code: \n                {label}", entry);
            }
        }
    }

    [Fact]
    public void CrlCheck_WhenOpenSslVerifiesWithTheCrl_RejectsTheRevokedAndAcceptsTheGood()
    {
        using var folder = new TempFolder();
        using var good = toyama.Issue();
        using var bad = toyama.Issue(1);
        toyama.Authority.Revoke(bad.Serial, RevocationReason.KeyCompromise, DateTimeOffset.UtcNow.AddMinutes(-1));
        folder.WritePem("ca.pem", toyama.Authority.Certificate);
        folder.WritePem("good.pem", good.Certificate);
        folder.WritePem("bad.pem", bad.Certificate);
        folder.Write("crl.der", toyama.Authority.BuildCrl().Der.Span);
        Tool.OpenSslOk(folder.Path, "crl", "-in", "crl.der", "-inform", "DER", "-out", "crl.pem");

        var accepted = Tool.OpenSslOk(folder.Path, "verify", "-x509_strict", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "good.pem");
        var rejected = Tool.OpenSsl(folder.Path, "verify", "-x509_strict", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "bad.pem");

        Assert.Contains("good.pem: OK", accepted);
        Assert.NotEqual(0, rejected.ExitCode);
        Assert.Contains("certificate revoked", rejected.All);
    }

    [Fact]
    public void Crl_WhenLifetimeConfigured_NextUpdateFollowsIt()
    {
        var crl = miyagi.Authority.BuildCrl();

        Assert.Equal(crl.ThisUpdate.AddHours(6), crl.NextUpdate);
    }

    /// <summary>OpenSSL's ASN1_TIME_print form: "Nov  3 07:29:10 2026 GMT".</summary>
    private static string OpenSslTime(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{utc:MMM} {utc.Day,2} {utc:HH:mm:ss yyyy} GMT");
    }
}
