using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>UPDATE BINARY writes a whole certificate (chained or extended); the signing one must certify the card's own key.</summary>
[Trait("Rule", "R-CE-01")]
public sealed class UpdateBinaryTests
{
    private readonly CardHarness _card = new();
    private readonly TestCa _ca = TestCa.Shared;

    [Fact]
    public void WriteSigningCertificate_WhenItCertifiesTheCardKey_IsStoredWhole()
    {
        var key = _card.GenerateKey();
        var certificate = _ca.Issue(key.ToSubjectPublicKeyInfo());

        var written = _card.WriteEf(ResidentCardProfile.SigningCertificateEf, certificate.RawData);
        _card.SetPassword(TestSecrets.Password);
        _card.VerifyPassword(TestSecrets.Password);

        Assert.Equal(StatusWord.Success, written);
        Assert.True(certificate.RawData.Length > 255, "the certificate needs chaining");
        Assert.Equal(certificate.RawData, _card.ReadEf(ResidentCardProfile.SigningCertificateEf));
    }

    [Fact]
    public void WriteSigningCertificate_WhenForAnotherKey_Answers6A80()
    {
        _card.GenerateKey();
        using var other = TestKeys.Stranger();
        var certificate = _ca.Issue(other.ExportSubjectPublicKeyInfo());

        Assert.Equal(StatusWord.IncorrectData, _card.WriteEf(ResidentCardProfile.SigningCertificateEf, certificate.RawData));
    }

    [Fact]
    public void WriteSigningCertificate_WhenNoKeyYet_Answers6985()
    {
        _card.AuthenticateIssuer();
        using var other = TestKeys.Stranger();

        Assert.Equal(StatusWord.ConditionsNotSatisfied, _card.WriteEf(ResidentCardProfile.SigningCertificateEf, _ca.Issue(other.ExportSubjectPublicKeyInfo()).RawData));
    }

    [Fact]
    public void WriteCaCertificate_WhenSentWithExtendedLc_NeedsNoChaining()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.CaCertificateEf);

        var written = _card.Sw(new CommandApdu(0x00, Ins.UpdateBinary, 0, 0, _ca.Certificate.RawData));

        Assert.Equal(StatusWord.Success, written);
        Assert.Equal(_ca.Certificate.RawData, _card.ReadEf(ResidentCardProfile.CaCertificateEf));
    }

    [Theory]
    [InlineData("DE AD BE EF")]
    [InlineData("30 03 02 01 00")]
    [InlineData("30 03 02 01 00 FF")]
    public void WriteCaCertificate_WhenNotExactlyOneCertificate_Answers6A80(string hex)
    {
        _card.AuthenticateIssuer();

        Assert.Equal(StatusWord.IncorrectData, _card.WriteEf(ResidentCardProfile.CaCertificateEf, Hex.Bytes(hex)));
    }

    [Fact]
    public void WriteCaCertificate_WhenOffsetNotZero_Answers6B00()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.CaCertificateEf);

        Assert.Equal(StatusWord.WrongOffset, _card.Sw(new CommandApdu(0x00, Ins.UpdateBinary, 0x00, 0x10, _ca.Certificate.RawData)));
    }

    [Fact]
    public void WriteCaCertificate_WhenLargerThanTheEf_Answers6A84()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.CaCertificateEf);

        Assert.Equal(StatusWord.NotEnoughMemory, _card.Sw(new CommandApdu(0x00, Ins.UpdateBinary, 0, 0, new byte[ResidentCardProfile.MaxCertificateBytes + 1])));
    }

    [Fact]
    public void UpdateBinary_WhenNoData_Answers6700()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.CaCertificateEf);

        Assert.Equal(StatusWord.WrongLength, _card.Sw("00 D6 00 00"));
    }

}
