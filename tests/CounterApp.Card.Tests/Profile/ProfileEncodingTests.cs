using System.Security.Cryptography;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.Profile;

public sealed class ProfileEncodingTests
{
    [Theory]
    [InlineData("SHA1", 20)]
    [InlineData("SHA256", 32)]
    [InlineData("SHA384", 48)]
    [InlineData("SHA512", 64)]
    public void DigestInfo_WhenCreated_ParsesBackToTheSameHash(string name, int length)
    {
        var hash = RandomNumberGenerator.GetBytes(length);

        var encoded = DigestInfo.Create(new HashAlgorithmName(name), hash);

        Assert.True(DigestInfo.TryParse(encoded, out var algorithm, out var parsed));
        Assert.Equal(name, algorithm.Name);
        Assert.Equal(hash, parsed);
    }

    [Fact]
    public void DigestInfo_WhenSha256_HasThePkcs1Prefix()
    {
        var encoded = DigestInfo.Create(HashAlgorithmName.SHA256, new byte[32]);

        Assert.Equal(Hex.Bytes("3031300d060960864801650304020105000420"), encoded[..19]);
    }

    [Theory]
    [InlineData("3031300d060960864801650304020105000410" + "00000000000000000000000000000000")]
    [InlineData("30 03 02 01 00")]
    [InlineData("DEADBEEF")]
    public void DigestInfo_WhenNotAnAcceptedForm_DoesNotParse(string hex)
    {
        Assert.False(DigestInfo.TryParse(Hex.Bytes(hex), out _, out _));
    }

    [Fact]
    public void PublicKeyTemplate_WhenEncoded_IsA7F49TemplateThatDecodesToTheSameKey()
    {
        using var rsa = RSA.Create(2048);
        var template = PublicKeyTemplate.FromParameters(rsa.ExportParameters(false));

        var encoded = template.Encode();
        var decoded = PublicKeyTemplate.Decode(encoded);

        Assert.Equal(Hex.Bytes("7F 49 82 01 09 81 82 01 00"), encoded[..9]);
        Assert.True(decoded.SameKeyAs(rsa.ExportParameters(false)));
        Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), decoded.ToSubjectPublicKeyInfo());
    }

    [Fact]
    public void TokenInfo_WhenEncoded_HoldsLabelAndSerial()
    {
        var encoded = TokenInfo.Encode("0123456789ABCDEF");

        Assert.Equal(TokenInfo.Length, encoded.Length);
        Assert.Equal("0123456789ABCDEF", TokenInfo.DecodeSerial(encoded));
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789ABCDE")]
    [InlineData("0123456789ABCDEG")]
    public void TokenInfo_WhenSerialMalformed_IsRefused(string serial)
    {
        Assert.False(TokenInfo.IsValidSerial(serial));
        Assert.Throws<ArgumentException>(() => TokenInfo.Encode(serial));
    }

    [Theory]
    [Trait("Rule", "R-CE-05")]
    [InlineData("ABCD", true)]
    [InlineData("A1B2C3D4E5F6G7H8", true)]
    [InlineData("ABC", false)]
    [InlineData("A1B2C3D4E5F6G7H8I", false)]
    [InlineData("abcd", false)]
    [InlineData("ABC-", false)]
    [InlineData("ＡＢＣＤ", false)]
    public void CredentialFormat_WhenPassword_Accepts4To16OfUpperCaseLettersAndDigits(string password, bool valid)
    {
        Assert.Equal(valid, CredentialFormat.IsValidPassword(System.Text.Encoding.UTF8.GetBytes(password)));
    }

    [Theory]
    [InlineData("0000", true)]
    [InlineData("123", false)]
    [InlineData("12345", false)]
    [InlineData("12a4", false)]
    public void CredentialFormat_WhenCardPin_AcceptsExactlyFourDigits(string pin, bool valid)
    {
        Assert.Equal(valid, CredentialFormat.IsValidCardPin(TestSecrets.Ascii(pin)));
    }
}
