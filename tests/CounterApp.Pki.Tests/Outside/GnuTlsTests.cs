using CounterApp.Domain.Revocation;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Outside;

/// <summary>
/// GnuTLS (certtool, ocsptool from Debian's gnutls-bin) as a second, independent verifier. build.sh's test packages
/// include gnutls-bin; where it is missing the tests fail and say so (never skip).
/// </summary>
public sealed class GnuTlsTests(AuthorityFixture toyama)
{
    [Fact]
    [Trait("Rule", "R-CE-02")]
    public void VerifyChain_WhenIssuedCertificateAndCa_CerttoolTrustsIt()
    {
        RequireGnuTls();
        using var folder = new TempFolder();
        using var issued = toyama.Issue();
        folder.WritePem("chain.pem", issued.Certificate, toyama.Authority.Certificate);
        folder.WritePem("ca.pem", toyama.Authority.Certificate);
        folder.WritePem("ocsp.pem", toyama.Authority.ResponderCertificate);

        var chain = Tool.Run("certtool", ["--verify-chain", "--infile", "chain.pem"], folder.Path);
        var ee = Tool.Run("certtool", ["--verify", "--load-ca-certificate", "ca.pem", "--infile", "chain.pem"], folder.Path);
        var responder = Tool.Run("certtool", ["--verify", "--load-ca-certificate", "ca.pem", "--infile", "ocsp.pem"], folder.Path);

        Assert.True(chain.ExitCode == 0, chain.All);
        Assert.Contains("Chain verification output: Verified. The certificate is trusted.", chain.All);
        Assert.True(ee.ExitCode == 0, ee.All);
        Assert.True(responder.ExitCode == 0, responder.All);
    }

    [Fact]
    [Trait("Rule", "R-RV-03")]
    public void VerifyCrl_WhenSignedByTheCa_CerttoolTrustsItAndListsTheSerial()
    {
        RequireGnuTls();
        using var folder = new TempFolder();
        using var issued = toyama.Issue();
        toyama.Authority.Revoke(issued.Serial, RevocationReason.CessationOfOperation, DateTimeOffset.UtcNow.AddMinutes(-1));
        folder.WritePem("ca.pem", toyama.Authority.Certificate);
        File.WriteAllText(folder.File("crl.pem"), System.Security.Cryptography.PemEncoding.WriteString("X509 CRL", toyama.Authority.BuildCrl().Der.Span) + "\n");

        var result = Tool.Run("certtool", ["--verify-crl", "--load-ca-certificate", "ca.pem", "--infile", "crl.pem"], folder.Path);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("Verification output: Verified.", result.All);
        Assert.Contains(issued.Serial.Hex.ToLowerInvariant(), result.All);
    }

    [Fact]
    [Trait("Rule", "R-RV-03")]
    public void Respond_WhenOcsptoolAsks_OcsptoolVerifiesTheAnswer()
    {
        RequireGnuTls();
        using var folder = new TempFolder();
        using var issued = toyama.Issue();
        folder.WritePem("ca.pem", toyama.Authority.Certificate);
        folder.WritePem("ee.pem", issued.Certificate);
        var request = Tool.Run("ocsptool", ["--generate-request", "--load-issuer", "ca.pem", "--load-cert", "ee.pem", "--outfile", "req.der"], folder.Path);
        Assert.True(request.ExitCode == 0, request.All);
        folder.Write("resp.der", toyama.Responder.Respond(File.ReadAllBytes(folder.File("req.der"))));

        var result = Tool.Run("ocsptool", ["--verify-response", "--load-trust", "ca.pem", "--load-response", "resp.der", "--inder"], folder.Path);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("Certificate Status: good", result.All);
        Assert.Contains("Verifying OCSP Response: Success.", result.All);
    }

    private static void RequireGnuTls() =>
        Assert.True(Tool.Exists("certtool") && Tool.Exists("ocsptool"), "gnutls-bin is not installed (./build.sh test installs it with the test packages).");
}
