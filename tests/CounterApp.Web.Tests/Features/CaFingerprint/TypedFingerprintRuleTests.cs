using CounterApp.Pki.Fingerprints;
using CounterApp.Web.Features.CaFingerprint;
using static CounterApp.Web.Tests.Features.CaFingerprint.FingerprintTestCertificates;

namespace CounterApp.Web.Tests.Features.CaFingerprint;

[Trait("Rule", "R-CE-07")]
public sealed class TypedFingerprintRuleTests
{
    private static readonly PublishedFingerprints Published = PublishedFingerprints.Of(Ca);

    [Fact]
    public void Of_WhenGivenTheDer_PublishesSha256AndSha1InGroupsOfFourUpperCase()
    {
        Assert.Equal(Sha256Hex(Ca), Published.Sha256.Hex);
        Assert.Equal(Sha1Hex(Ca), Published.Sha1.Hex);
        Assert.Matches("^([0-9A-F]{4} ){15}[0-9A-F]{4}$", Published.Sha256.Grouped);
        Assert.Matches("^([0-9A-F]{4} ){9}[0-9A-F]{4}$", Published.Sha1.Grouped);
    }

    [Fact]
    public void Compare_WhenSha256IsTypedLowerCaseWithColons_MatchesAsSha256AndEchoesItNormalized()
    {
        var check = TypedFingerprintRule.Compare(Published, LowerWithColons(Sha256Hex(Ca)));

        Assert.Equal((FingerprintCheckOutcome.Match, FingerprintAlgorithm.Sha256, 64), (check.Outcome, check.Algorithm, check.HexDigits));
        Assert.Equal(Published.Sha256.Grouped, check.Normalized);
        Assert.False(check.IsRefused);
    }

    [Theory]
    [InlineData("spaces")]
    [InlineData("fullwidth")]
    public void Compare_WhenSha1IsTypedWithSpacesOrFullWidthColons_MatchesAsSha1(string spelling)
    {
        var hex = Sha1Hex(Ca);
        var typed = spelling == "spaces"
            ? "  " + string.Join(' ', hex.Chunk(4).Select(g => new string(g))).ToLowerInvariant() + " "
            : string.Join('：', hex.Chunk(2).Select(p => new string(p)));

        var check = TypedFingerprintRule.Compare(Published, typed);

        Assert.Equal((FingerprintCheckOutcome.Match, FingerprintAlgorithm.Sha1), (check.Outcome, check.Algorithm));
        Assert.Equal(Published.Sha1.Grouped, check.Normalized);
    }

    [Fact]
    public void Compare_WhenSha256OfAnotherCertificate_IsAMismatchNotARefusal()
    {
        var check = TypedFingerprintRule.Compare(Published, LowerWithColons(Sha256Hex(Other)));

        Assert.Equal((FingerprintCheckOutcome.Mismatch, FingerprintAlgorithm.Sha256), (check.Outcome, check.Algorithm));
        Assert.Equal(TypedFingerprintRule.Grouped(Sha256Hex(Other)), check.Normalized);
        Assert.False(check.IsRefused);
    }

    [Fact]
    public void Compare_WhenTheCasSha1IsTypedButOneDigitDiffers_IsAMismatch()
    {
        var hex = Sha1Hex(Ca);
        var changed = (hex[0] == '0' ? "1" : "0") + hex[1..];

        var check = TypedFingerprintRule.Compare(Published, changed);

        Assert.Equal((FingerprintCheckOutcome.Mismatch, FingerprintAlgorithm.Sha1), (check.Outcome, check.Algorithm));
    }

    [Fact]
    public void Compare_WhenMd5Length_IsRefusedAsMd5()
    {
        var check = TypedFingerprintRule.Compare(Published, LowerWithColons(Sha256Hex(Ca)[..32]));

        Assert.Equal((FingerprintCheckOutcome.Md5NotUsed, (FingerprintAlgorithm?)null, 32), (check.Outcome, check.Algorithm, check.HexDigits));
        Assert.True(check.IsRefused);
    }

    [Theory]
    [InlineData("35C4-C9ED-D1BF", "-")]
    [InlineData("hello", "h")]
    [InlineData("0x35C4", "x")]
    [InlineData("ＧＧ", "G")]
    public void Compare_WhenANonHexCharacterIsTyped_IsRefusedNamingIt(string typed, string refused)
    {
        var check = TypedFingerprintRule.Compare(Published, typed);

        Assert.Equal((FingerprintCheckOutcome.NotHex, refused, (string?)null), (check.Outcome, check.Refused, check.Normalized));
    }

    [Theory]
    [InlineData(63)]
    [InlineData(41)]
    [InlineData(8)]
    public void Compare_WhenNeither64Nor40Digits_IsRefusedWithTheCount(int digits)
    {
        var check = TypedFingerprintRule.Compare(Published, Sha256Hex(Ca)[..digits]);

        Assert.Equal((FingerprintCheckOutcome.WrongLength, digits, (FingerprintAlgorithm?)null), (check.Outcome, check.HexDigits, check.Algorithm));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" : ")]
    public void Compare_WhenNothingIsTyped_IsRefusedAsEmpty(string? typed)
    {
        Assert.Equal(FingerprintCheckOutcome.Empty, TypedFingerprintRule.Compare(Published, typed).Outcome);
    }
}
