using CounterApp.Pki.Store;

namespace CounterApp.Pki.Tests.Issuance;

[Trait("Rule", "R-CE-02")]
public sealed class CertificateSerialTests
{
    [Fact]
    public void NewRandom_IsPositiveSixteenOctetsAndNeverRepeats()
    {
        var serials = Enumerable.Range(0, 2000).Select(_ => CertificateSerial.NewRandom()).ToList();

        Assert.All(serials, s =>
        {
            var octets = s.ToByteArray();
            Assert.Equal(16, octets.Length);
            Assert.InRange(octets[0], 0x40, 0x7F);
        });
        Assert.Equal(serials.Count, serials.Distinct().Count());

        // 126 random bits: across 2000 serials every bit below the top two of the first octet takes both values.
        for (var bit = 0; bit < 126; bit++)
        {
            var values = serials.Select(s => (s.ToByteArray()[15 - (bit / 8)] >> (bit % 8)) & 1).Distinct().Count();
            Assert.Equal(2, values);
        }
    }

    [Theory]
    [InlineData("00 7F:ab", "7FAB")]
    [InlineData("0080", "80")]
    [InlineData("4A3f", "4A3F")]
    public void Parse_WhenPrintedWithSeparatorsOrLeadingZeros_GivesTheCanonicalHex(string text, string hex)
    {
        Assert.Equal(hex, CertificateSerial.Parse(text).Hex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("xyz1")]
    [InlineData("123")]
    [InlineData("0102030405060708090A0B0C0D0E0F101112131415")]
    [InlineData("8102030405060708090A0B0C0D0E0F1011121314")]
    public void Parse_WhenZeroNotHexOrOverTwentyOctets_Refuses(string text)
    {
        Assert.Throws<FormatException>(() => CertificateSerial.Parse(text));
    }

    [Fact]
    public void TryFromInteger_WhenNegativeOrZero_IsNotASerial()
    {
        Assert.False(CertificateSerial.TryFromInteger([0x80, 0x01], out _));
        Assert.False(CertificateSerial.TryFromInteger([0x00], out _));
        Assert.True(CertificateSerial.TryFromInteger([0x00, 0x80], out var serial));
        Assert.Equal("80", serial.Hex);
    }
}
