using System.Text.RegularExpressions;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Outside;

/// <summary>
/// OpenSSL as the OCSP client: it writes real requests (-reqout), the responder answers them, and OpenSSL reads the
/// answers back (-respin) checking the responder's signature, its delegation by the CA and the nonce (-reqin).
/// The HTTP responder arrives with the web wiring; the bytes are the same.
/// </summary>
[Trait("Rule", "R-RV-03")]
public sealed partial class OpenSslOcspTests(AuthorityFixture toyama, MiyagiFixture miyagi)
{
    [Fact]
    public void Respond_WhenOpenSslAsks_AnswersGoodThenRevokedAfterRevocationAndOpenSslVerifiesBoth()
    {
        using var folder = Files(out var issued);

        var good = AskAndCheck(folder, "good", "-issuer", "ca.pem", "-cert", "ee.pem");
        toyama.Authority.Revoke(issued.Serial, RevocationReason.KeyCompromise, DateTimeOffset.UtcNow.AddMinutes(-3));
        var revoked = AskAndCheck(folder, "revoked", "-issuer", "ca.pem", "-cert", "ee.pem");

        Assert.Contains("Cert Status: good", good);
        Assert.Contains("Hash Algorithm: sha1", good);
        Assert.Contains($"Serial Number: {issued.Serial.Hex}", good);
        Assert.Contains("Cert Status: revoked", revoked);
        Assert.Contains("Revocation Time: ", revoked);
        Assert.Contains("Revocation Reason: keyCompromise (0x1)", revoked);
        var summary = Tool.OpenSslOk(folder.Path, "ocsp", "-respin", "revoked.resp", "-issuer", "ca.pem", "-cert", "ee.pem", "-CAfile", "ca.pem", "-no_nonce");
        Assert.Contains("ee.pem: revoked", summary);
        Assert.Contains("Reason: keyCompromise", summary);
    }

    [Fact]
    public void Respond_WhenOpenSslAsksWithSha256CertId_AnswersInKind()
    {
        using var folder = Files(out var issued);

        var text = AskAndCheck(folder, "sha256", "-sha256", "-issuer", "ca.pem", "-cert", "ee.pem");

        Assert.Contains("Hash Algorithm: sha256", text);
        Assert.Contains("Cert Status: good", text);
    }

    [Fact]
    public void Respond_WhenOpenSslSendsANonce_EchoesItAndOpenSslRejectsItForAnotherRequest()
    {
        using var folder = Files(out _);

        var text = AskAndCheck(folder, "nonce", "-issuer", "ca.pem", "-cert", "ee.pem");
        var requestText = Tool.OpenSslOk(folder.Path, "ocsp", "-reqin", "nonce.req", "-req_text");
        Tool.OpenSslOk(folder.Path, "ocsp", "-issuer", "ca.pem", "-cert", "ee.pem", "-reqout", "other.req");
        var mismatch = Tool.OpenSsl(folder.Path, "ocsp", "-reqin", "other.req", "-respin", "nonce.resp", "-CAfile", "ca.pem");

        var nonce = NonceLine().Match(requestText).Groups[1].Value;
        Assert.Matches("^0410[0-9A-F]{32}$", nonce);
        Assert.Contains(nonce, NonceLine().Match(text).Groups[1].Value);
        Assert.NotEqual(0, mismatch.ExitCode);
        Assert.Contains("Nonce Verify error", mismatch.All);
    }

    [Fact]
    public void Respond_WhenOpenSslAsksAboutSeveralAndAnUnknownSerial_AnswersEach()
    {
        using var folder = Files(out _);
        using var second = toyama.Issue(1);
        folder.WritePem("ee2.pem", second.Certificate);

        var text = AskAndCheck(folder, "many", "-issuer", "ca.pem", "-cert", "ee.pem", "-cert", "ee2.pem", "-serial", "0x0123456789ABCDEF");

        Assert.Equal(2, Regex.Count(text, "Cert Status: good"));
        Assert.Contains("Cert Status: unknown", text);
    }

    [Fact]
    public void Respond_WhenOpenSslAsksWithoutNonce_ServesTheCachedAnswerAndOpenSslVerifiesIt()
    {
        using var folder = Files(out _);
        Tool.OpenSslOk(folder.Path, "ocsp", "-issuer", "ca.pem", "-cert", "ee.pem", "-no_nonce", "-reqout", "plain.req");
        var request = File.ReadAllBytes(folder.File("plain.req"));

        var first = toyama.Responder.Answer(request);
        var second = toyama.Responder.Answer(request);
        folder.Write("cached.resp", second.Body.Span);

        Assert.True(second.FromCache);
        Assert.Equal(first.Body.ToArray(), second.Body.ToArray());
        var summary = Tool.OpenSslOk(folder.Path, "ocsp", "-respin", "cached.resp", "-issuer", "ca.pem", "-cert", "ee.pem", "-CAfile", "ca.pem", "-no_nonce");
        Assert.Contains("ee.pem: good", summary);
        Assert.Contains("Response verify OK", summary);
    }

    [Fact]
    public void Respond_WhenOpenSslAsksAnotherCasResponder_IsUnauthorized()
    {
        using var folder = Files(out _);
        folder.WritePem("miyagi.pem", miyagi.Authority.Certificate);
        Tool.OpenSslOk(folder.Path, "ocsp", "-issuer", "ca.pem", "-cert", "ee.pem", "-reqout", "toyama.req");
        folder.Write("unauthorized.resp", miyagi.Responder.Respond(File.ReadAllBytes(folder.File("toyama.req"))));

        var result = Tool.OpenSsl(folder.Path, "ocsp", "-respin", "unauthorized.resp", "-resp_text", "-noverify");

        Assert.Contains("Responder Error: unauthorized (6)", result.All);
    }

    private TempFolder Files(out Pki.Issuance.IssuedCertificate issued)
    {
        var folder = new TempFolder();
        issued = toyama.Issue();
        folder.WritePem("ca.pem", toyama.Authority.Certificate);
        folder.WritePem("ee.pem", issued.Certificate);
        return folder;
    }

    /// <summary>openssl writes the request, the responder answers, openssl verifies the answer against the request.</summary>
    private string AskAndCheck(TempFolder folder, string name, params string[] request)
    {
        Tool.OpenSslOk(folder.Path, ["ocsp", .. request, "-reqout", name + ".req"]);
        folder.Write(name + ".resp", toyama.Responder.Respond(File.ReadAllBytes(folder.File(name + ".req"))));
        var text = Tool.OpenSslOk(folder.Path, "ocsp", "-reqin", name + ".req", "-respin", name + ".resp", "-CAfile", "ca.pem", "-resp_text");
        Assert.Contains("Response verify OK", text);
        Assert.DoesNotContain("WARNING", text);
        Assert.Contains("OCSP Response Status: successful (0x0)", text);
        return text;
    }

    [GeneratedRegex(@"OCSP Nonce: ?\s*\n\s*([0-9A-F]+)")]
    private static partial Regex NonceLine();
}
