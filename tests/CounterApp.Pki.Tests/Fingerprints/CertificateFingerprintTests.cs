using System.Reflection;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Fingerprints;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Fingerprints;

[Trait("Rule", "R-CE-07")]
public sealed class CertificateFingerprintTests(AuthorityFixture toyama)
{
    /// <summary>宮城県知事's self-signed certificate, SHA-1, as seed 004 publishes it.</summary>
    private const string Published = "35C4 C9ED D1BF 6D48 0FDB 00C6 CEA0 3E3C C67A 13BE";

    [Fact]
    public void TryParse_WhenThePublishedForm_RoundTripsToTheSameGroupedText()
    {
        Assert.True(CertificateFingerprint.TryParse(Published, out var fingerprint));

        Assert.Equal(FingerprintAlgorithm.Sha1, fingerprint!.Algorithm);
        Assert.Equal(Published, fingerprint.Grouped);
        Assert.Equal("35C4C9EDD1BF6D480FDB00C6CEA03E3CC67A13BE", fingerprint.Hex);
    }

    [Theory]
    [InlineData("35c4c9edd1bf6d480fdb00c6cea03e3cc67a13be")]
    [InlineData("35:C4:C9:ED:D1:BF:6D:48:0F:DB:00:C6:CE:A0:3E:3C:C6:7A:13:BE")]
    [InlineData("  35c4 C9ED d1bf 6D48\t0fdb 00C6 cea0 3E3C c67a 13BE \n")]
    [InlineData("３５Ｃ４　Ｃ９ＥＤ：Ｄ１ＢＦ　6D48 0FDB 00C6 CEA0 3E3C C67A 13BE")]
    public void Matches_WhenTypedWithOtherCaseSpacesOrColons_IsEqual(string typed)
    {
        Assert.True(CertificateFingerprint.TryParse(Published, out var fingerprint));

        Assert.True(fingerprint!.Matches(typed));
    }

    [Theory]
    [InlineData("35C4 C9ED D1BF 6D48 0FDB 00C6 CEA0 3E3C C67A 13BF")]
    [InlineData("35C4 C9ED D1BF 6D48 0FDB 00C6 CEA0 3E3C C67A")]
    [InlineData("35C4 C9ED D1BF 6D48 0FDB 00C6 CEA0 3E3C C67A 13BE 00")]
    [InlineData("35C4-C9ED-D1BF-6D48-0FDB-00C6-CEA0-3E3C-C67A-13BE")]
    [InlineData("")]
    [InlineData(null)]
    public void Matches_WhenAnyDigitDiffersOrOtherCharacters_IsNotEqual(string? typed)
    {
        Assert.True(CertificateFingerprint.TryParse(Published, out var fingerprint));

        Assert.False(fingerprint!.Matches(typed));
    }

    [Fact]
    public void Fingerprint_WhenCaCertificate_ShowsSha256AndSha1InGroupsOfFour()
    {
        var sha256 = toyama.Authority.Fingerprint(FingerprintAlgorithm.Sha256);
        var sha1 = toyama.Authority.Fingerprint(FingerprintAlgorithm.Sha1);

        Assert.Equal(16, sha256.Grouped.Split(' ').Length);
        Assert.Equal(10, sha1.Grouped.Split(' ').Length);
        Assert.All(sha256.Grouped.Split(' ').Concat(sha1.Grouped.Split(' ')), g => Assert.Matches("^[0-9A-F]{4}$", g));
        Assert.Equal("SHA-256", sha256.AlgorithmLabel);
        Assert.Equal("SHA-1", sha1.AlgorithmLabel);
        Assert.True(sha256.Matches(sha256.Hex.ToLowerInvariant()));
    }

    [Fact]
    public void Fingerprint_WhenCaCertificate_EqualsOpenSslsFingerprints()
    {
        using var folder = new TempFolder();
        folder.WritePem("ca.pem", toyama.Authority.Certificate);

        var sha256 = Tool.OpenSslOk(folder.Path, "x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha256");
        var sha1 = Tool.OpenSslOk(folder.Path, "x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha1");

        Assert.True(toyama.Authority.Fingerprint(FingerprintAlgorithm.Sha256).Matches(sha256.Split('=')[1]), sha256);
        Assert.True(toyama.Authority.Fingerprint(FingerprintAlgorithm.Sha1).Matches(sha1.Split('=')[1]), sha1);
    }

    [Fact]
    public void Api_OffersNoMd5AnywhereInTheLibrary()
    {
        var names = typeof(CertificateAuthority).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Select(m => m.Name).Append(t.Name))
            .Concat(Enum.GetNames<FingerprintAlgorithm>());

        Assert.DoesNotContain(names, n => n.Contains("md5", StringComparison.OrdinalIgnoreCase));
        Assert.Equal([FingerprintAlgorithm.Sha256, FingerprintAlgorithm.Sha1], Enum.GetValues<FingerprintAlgorithm>());
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateFingerprint.Of(toyama.Authority.Certificate, (FingerprintAlgorithm)2));
    }
}
