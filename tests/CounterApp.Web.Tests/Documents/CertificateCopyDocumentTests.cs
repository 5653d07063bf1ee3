using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Residents;
using CounterApp.Web.Documents.Certificates;

namespace CounterApp.Web.Tests.Documents;

public sealed class CertificateCopyDocumentTests
{
    private static readonly byte[] CaDer = CreateCa();

    [Fact]
    [Trait("Rule", "R-CE-06")]
    public async Task Render_WhenIssued_PrintsSerialSubjectIssuerAndExpiryInEraAndGregorian()
    {
        var data = Copy(CaFingerprint.FromCertificate(CaDer));

        var pdf = PdfTools.Renderer.Render(new CertificateCopyDocument(data));
        await PdfTools.KeepAsync(pdf, "certificate-copy");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));

        Assert.Equal(1, pdf.PageCount);
        Assert.True(pdf.IsComplete);
        Assert.Contains("電子証明書の写し", text);
        Assert.Contains("上市町", text);
        Assert.Contains("3A0F1C55D2E4B6A8", text);
        Assert.Contains("富山県知事", text);
        Assert.Contains("弓庄 恵子（ユミノショウ ケイコ）", text);
        Assert.Contains("昭和47年(1972年)1月31日", text);
        Assert.Contains("女", text);
        Assert.Contains("富山県中新川郡上市町稗田1番地", text);
        Assert.Contains("令和11年11月23日", text);
        Assert.Contains("西暦 2029年11月23日", text);
        Assert.Contains("令和8年(2026年)11月24日", text);
    }

    [Fact]
    [Trait("Rule", "R-CE-07")]
    public async Task Render_WhenCaFingerprintGiven_ShowsSha256AndSha1NeverMd5()
    {
        var fingerprint = CaFingerprint.FromCertificate(CaDer);

        var pdf = PdfTools.Renderer.Render(new CertificateCopyDocument(Copy(fingerprint)));
        var text = (await PdfTools.TextAsync(pdf)).Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

        Assert.Contains(Convert.ToHexString(SHA256.HashData(CaDer)), fingerprint.Sha256.Replace(":", string.Empty, StringComparison.Ordinal));
        Assert.Contains(fingerprint.Sha256, text);
        Assert.Contains(fingerprint.Sha1, text);
        Assert.Contains("SHA-256", text);
        Assert.Contains("SHA-1", text);
        Assert.DoesNotContain("MD5", text);
        // R-CE-07: MD5 is never shown; computed here only to prove its absence.
#pragma warning disable CA5351
        Assert.DoesNotContain(Colons(MD5.HashData(CaDer)), text);
#pragma warning restore CA5351
    }

    [Fact]
    [Trait("Rule", "R-CE-07")]
    public void FromHex_WhenTypedWithSpacesOrLowerCase_EqualsTheComputedOne()
    {
        var computed = CaFingerprint.FromCertificate(CaDer);

        var typed = CaFingerprint.FromHex(computed.Sha256.Replace(":", " ", StringComparison.Ordinal).ToLowerInvariant(), computed.Sha1.Replace(":", string.Empty, StringComparison.Ordinal));

        Assert.Equal(computed, typed);
        Assert.Throws<FormatException>(() => CaFingerprint.FromHex("00", computed.Sha1));
    }

    private static CertificateCopyData Copy(CaFingerprint fingerprint) => new(
        "上市町", "上市町役場 町民課", "3A0F1C55D2E4B6A8", "弓庄 恵子", "ユミノショウ ケイコ", new DateOnly(1972, 1, 31), Sex.Female,
        "富山県中新川郡上市町稗田1番地", "富山県知事", new DateOnly(2026, 11, 24), new DateOnly(2029, 11, 23), fingerprint, new DateOnly(2026, 11, 24));

    private static string Colons(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("X2")));

    private static byte[] CreateCa()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Toyama Prefecture Governor CA (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return ca.RawData;
    }
}
