using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Outside;

/// <summary>OpenSSL, run as a process, judges what the CA issues.</summary>
[Trait("Rule", "R-CE-02")]
public sealed class OpenSslCertificateTests(AuthorityFixture toyama, MiyagiFixture miyagi)
{
    [Fact]
    public void Verify_WhenIssuedCertificate_OpenSslStrictModeAcceptsIt()
    {
        using var folder = new TempFolder();
        using var issued = toyama.Issue();
        folder.WritePem("ca.pem", toyama.Authority.Certificate);
        folder.WritePem("ee.pem", issued.Certificate);
        folder.WritePem("ocsp.pem", toyama.Authority.ResponderCertificate);

        var output = Tool.OpenSslOk(folder.Path, "verify", "-x509_strict", "-CAfile", "ca.pem", "ee.pem", "ocsp.pem");
        var helper = Tool.OpenSslOk(folder.Path, "verify", "-x509_strict", "-purpose", "ocsphelper", "-CAfile", "ca.pem", "ocsp.pem");

        Assert.Contains("ee.pem: OK", output);
        Assert.Contains("ocsp.pem: OK", output);
        Assert.Contains("ocsp.pem: OK", helper);
    }

    [Fact]
    public void Text_WhenIssuedCertificate_ShowsEveryProfileField()
    {
        using var folder = new TempFolder();
        using var issued = toyama.Authority.Issue(Given.Subject with { Name = "𠮷野\u3000髙子" }, Given.SubscriberKey(), Given.FarCardExpiry);
        folder.WritePem("ee.pem", issued.Certificate);

        var text = Tool.OpenSslOk(folder.Path, "x509", "-in", "ee.pem", "-noout", "-text", "-nameopt", "utf8,sep_comma_plus_space");

        string[] expected =
        [
            "Version: 3 (0x2)",
            "Signature Algorithm: sha256WithRSAEncryption",
            "Issuer: C=JP, ST=富山県, O=公的個人認証サービス, CN=富山県知事",
            $"Subject: C=JP, ST=富山県, L=上市町, CN={issued.Serial.Hex}",
            "Public-Key: (2048 bit)",
            "X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation",
            "othername: 1.2.392.200149.8.5.5.1::𠮷野\u3000髙子",
            "othername: 1.2.392.200149.8.5.5.4::419900102",
            "othername: 1.2.392.200149.8.5.5.3::2",
            "othername: 1.2.392.200149.8.5.5.5::富山県中新川郡上市町法音寺１番地",
            "X509v3 Certificate Policies: \n                Policy: 2.999.392.200149.1",
            "X509v3 CRL Distribution Points: \n                Full Name:\n                  URI:http://ca.test.invalid/crl/toyama.crl",
            "OCSP - URI:http://ca.test.invalid/ocsp",
            "CA Issuers - URI:http://ca.test.invalid/ca/toyama.cer",
            "X509v3 Subject Key Identifier:",
            "X509v3 Authority Key Identifier:",
            "CA:FALSE",
        ];
        Assert.All(expected, line => Assert.Contains(line, text));
        Assert.Contains(string.Join(':', Convert.ToHexString(issued.Serial.ToByteArray()).ToLowerInvariant().Chunk(2).Select(c => new string(c))), text);
    }

    [Fact]
    public void Text_WhenCaCertificate_ShowsTheGovernorsSelfSignedCa()
    {
        using var folder = new TempFolder();
        folder.WritePem("ca.pem", toyama.Authority.Certificate);

        var text = Tool.OpenSslOk(folder.Path, "x509", "-in", "ca.pem", "-noout", "-text", "-nameopt", "utf8,sep_comma_plus_space");

        Assert.Contains("Subject: C=JP, ST=富山県, O=公的個人認証サービス, CN=富山県知事", text);
        Assert.Contains("X509v3 Basic Constraints: critical\n                CA:TRUE", text);
        Assert.Contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign", text);
        var chain = Tool.OpenSslOk(folder.Path, "verify", "-x509_strict", "-CAfile", "ca.pem", "-show_chain", "-nameopt", "utf8", "ca.pem");
        Assert.Contains("depth=0: C=JP, ST=富山県, O=公的個人認証サービス, CN=富山県知事", chain);
        Assert.DoesNotContain("depth=1", chain);
    }

    [Fact]
    public void Verify_WhenRelyingPartyTrustsOnlyTheOtherCa_BuildsThePathThroughTheCrossCertificate()
    {
        using var folder = new TempFolder();
        using var issued = toyama.Issue();
        using var cross = miyagi.Authority.IssueCrossCertificate(toyama.Authority.Certificate, DateTimeOffset.UtcNow.AddYears(5));
        folder.WritePem("bridge.pem", miyagi.Authority.Certificate);
        folder.WritePem("cross.pem", cross);
        folder.WritePem("ee.pem", issued.Certificate);

        var output = Tool.OpenSslOk(folder.Path, "verify", "-x509_strict", "-show_chain", "-nameopt", "utf8", "-CAfile", "bridge.pem", "-untrusted", "cross.pem", "ee.pem");
        var without = Tool.OpenSsl(folder.Path, "verify", "-x509_strict", "-CAfile", "bridge.pem", "ee.pem");

        Assert.Contains("ee.pem: OK", output);
        Assert.Contains("depth=1: C=JP, ST=富山県, O=公的個人認証サービス, CN=富山県知事 (untrusted)", output);
        Assert.Contains("depth=2: C=JP, ST=宮城県, O=公的個人認証サービス, CN=宮城県知事", output);
        Assert.NotEqual(0, without.ExitCode);
    }
}
