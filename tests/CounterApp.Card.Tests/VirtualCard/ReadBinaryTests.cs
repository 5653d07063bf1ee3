using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>READ BINARY: the token info and CA certificate for anyone, the signing certificate after the password, keys and PINs never.</summary>
public sealed class ReadBinaryTests
{
    private readonly CardHarness _card = new();
    private readonly TestCa _ca = TestCa.Shared;

    [Fact]
    public void ReadBinary_WhenTokenInfo_HoldsTheSerial()
    {
        _card.SelectEf(ResidentCardProfile.TokenInfoEf);

        var response = _card.Send(ResidentCardCommands.ReadBinary(0, 256));

        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.Equal(_card.Card.Serial, TokenInfo.DecodeSerial(response.Data.Span));
    }

    [Fact]
    public void ReadBinary_WhenCaCertificate_NeedsNoCredential()
    {
        _card.Personalise(_ca);

        Assert.Equal(_ca.Certificate.RawData, _card.ReadEf(ResidentCardProfile.CaCertificateEf));
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public void ReadBinary_WhenSigningCertificateWithoutPassword_Answers6982()
    {
        _card.Personalise(_ca);
        _card.SelectEf(ResidentCardProfile.SigningCertificateEf);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw(ResidentCardCommands.ReadBinary(0, 4)));
    }

    [Fact]
    public void ReadBinary_WhenSigningCertificateAfterPassword_ReturnsIt()
    {
        var certificate = _card.Personalise(_ca);
        Assert.Equal(StatusWord.Success, _card.VerifyPassword(TestSecrets.Password));

        Assert.Equal(certificate.RawData, _card.ReadEf(ResidentCardProfile.SigningCertificateEf));
    }

    [Theory]
    [InlineData(0x001A)]
    [InlineData(0x001B)]
    [InlineData(0x0018)]
    public void ReadBinary_WhenKeyOrPinEf_Answers6981(int fileId)
    {
        _card.Personalise(_ca);
        Assert.Equal(StatusWord.Success, _card.VerifyPassword(TestSecrets.Password));
        _card.SelectEf((ushort)fileId);

        Assert.Equal(StatusWord.IncompatibleFileStructure, _card.Sw(ResidentCardCommands.ReadBinary(0, 256)));
    }

    [Fact]
    public void ReadBinary_WhenNoEfSelected_Answers6986()
    {
        _card.SelectApplication();

        Assert.Equal(StatusWord.NoCurrentEf, _card.Sw(ResidentCardCommands.ReadBinary(0, 16)));
    }

    [Fact]
    public void ReadBinary_WhenOffsetPastTheEnd_Answers6B00()
    {
        _card.SelectEf(ResidentCardProfile.TokenInfoEf);

        Assert.Equal(StatusWord.WrongOffset, _card.Sw(ResidentCardCommands.ReadBinary(TokenInfo.Length, 16)));
    }

    [Fact]
    public void ReadBinary_WhenEfEmpty_Answers6B00()
    {
        _card.SelectEf(ResidentCardProfile.CaCertificateEf);

        Assert.Equal(StatusWord.WrongOffset, _card.Sw(ResidentCardCommands.ReadBinary(0, 4)));
    }

    [Fact]
    public void ReadBinary_WhenLeBeyondTheEnd_ReturnsTheRest()
    {
        _card.SelectEf(ResidentCardProfile.TokenInfoEf);

        var response = _card.Send(ResidentCardCommands.ReadBinary(TokenInfo.Length - 10, 256));

        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.Equal(10, response.Data.Length);
    }

    [Fact]
    public void ReadBinary_WhenExtendedLe_ReturnsTheWholeCertificateAtOnce()
    {
        _card.Personalise(_ca);
        _card.SelectEf(ResidentCardProfile.CaCertificateEf);

        var response = _card.Send(ResidentCardCommands.ReadBinary(0, 4096));

        Assert.Equal(_ca.Certificate.RawData, response.Data.ToArray());
    }

    [Fact]
    public void ReadBinary_WhenShortEfIdentifier_Answers6A81()
    {
        _card.SelectApplication();

        Assert.Equal(StatusWord.FunctionNotSupported, _card.Sw("00 B0 86 00 10"));
    }

    [Fact]
    public void ReadBinary_WhenNoLe_Answers6700()
    {
        _card.SelectEf(ResidentCardProfile.TokenInfoEf);

        Assert.Equal(StatusWord.WrongLength, _card.Sw("00 B0 00 00"));
    }

}
