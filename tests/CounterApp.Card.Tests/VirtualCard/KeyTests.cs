using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>GENERATE KEY PAIR on the card (R-CE-01), reading the public key, COMPUTE DIGITAL SIGNATURE after the password.</summary>
[Trait("Rule", "R-CE-01")]
public sealed class KeyTests
{
    private readonly CardHarness _card = new();
    private readonly TestCa _ca = TestCa.Shared;

    [Fact]
    public void GenerateKeyPair_WhenShortLe_AnswersTheRsa2048KeyThroughGetResponse()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        var first = _card.Send(ResidentCardCommands.GenerateKeyPair().WithNe(256));
        var rest = _card.Send("00 C0 00 00 0E");
        var key = PublicKeyTemplate.Decode(first.Data.ToArray().Concat(rest.Data.ToArray()).ToArray());

        Assert.Equal(new StatusWord(0x610E), first.StatusWord);
        Assert.Equal(256, first.Data.Length);
        Assert.Equal(StatusWord.Success, rest.StatusWord);
        Assert.Equal(256, key.Modulus.Length);
        Assert.Equal(Hex.Bytes("01 00 01"), key.Exponent);
    }

    [Fact]
    public void GenerateKeyPair_WhenExtendedLe_AnswersTheWholeTemplateAtOnce()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        var response = _card.Send(ResidentCardCommands.GenerateKeyPair());

        Assert.Equal(StatusWord.Success, response.StatusWord);
        Assert.Equal(270, response.Data.Length);
    }

    [Fact]
    public void ReadPublicKey_WhenNoKeyYet_Answers6A88()
    {
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.ReferencedDataNotFound, _card.Sw(ResidentCardCommands.ReadPublicKey()));
    }

    [Fact]
    public void ReadPublicKey_WhenGenerated_IsTheSameKeyWithoutIssuerAuthentication()
    {
        var generated = _card.GenerateKey();
        _card.Card.Reset();
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        var read = PublicKeyTemplate.Decode(_card.Send(ResidentCardCommands.ReadPublicKey()).Data);

        Assert.Equal(generated.Modulus, read.Modulus);
    }

    [Fact]
    public void GenerateKeyPair_WhenRegenerated_ReplacesTheKeyAndClearsTheSigningCertificate()
    {
        var old = _card.Personalise(_ca);
        _card.Card.KeyGenerator = TestKeys.Stranger;

        var renewed = _card.GenerateKey();
        _card.VerifyPassword(TestSecrets.Password);
        _card.SelectEf(ResidentCardProfile.SigningCertificateEf);

        Assert.NotEqual(old.PublicKey.ExportSubjectPublicKeyInfo(), renewed.ToSubjectPublicKeyInfo());
        Assert.Equal(StatusWord.WrongOffset, _card.Sw(ResidentCardCommands.ReadBinary(0, 4)));
    }

    [Fact]
    public void GenerateKeyPair_WhenCurrentEfIsNotTheKey_Answers6981()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.PasswordEf);

        Assert.Equal(StatusWord.IncompatibleFileStructure, _card.Sw(ResidentCardCommands.GenerateKeyPair()));
    }

    [Theory]
    [InlineData("00 47 82 00 00")]
    [InlineData("00 47 80 01 00")]
    public void GenerateKeyPair_WhenP1P2Unsupported_Answers6A86(string apdu)
    {
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.IncorrectP1P2, _card.Sw(apdu));
    }

    [Theory]
    [InlineData("SHA1")]
    [InlineData("SHA256")]
    [InlineData("SHA384")]
    [InlineData("SHA512")]
    public void ComputeSignature_WhenPasswordVerified_SignsTheDigestInfoWithPkcs1(string hash)
    {
        var certificate = _card.Personalise(_ca);
        var algorithm = new HashAlgorithmName(hash);
        var data = "住民票の写し"u8.ToArray();
        var digest = CryptographicOperations.HashData(algorithm, data);
        _card.VerifyPassword(TestSecrets.Password);
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        var response = _card.Send(ResidentCardCommands.ComputeDigitalSignature(DigestInfo.Create(algorithm, digest)));

        Assert.Equal(StatusWord.Success, response.StatusWord);
        using var publicKey = certificate.GetRSAPublicKey()!;
        Assert.True(publicKey.VerifyData(data, response.Data.Span, algorithm, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public void ComputeSignature_WhenPasswordNotVerified_Answers6982()
    {
        _card.Personalise(_ca);
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw(ResidentCardCommands.ComputeDigitalSignature(DigestInfo.Create(HashAlgorithmName.SHA256, new byte[32]))));
    }

    [Fact]
    public void ComputeSignature_WhenCardPinVerifiedInstead_Answers6982()
    {
        _card.Personalise(_ca);
        _card.VerifyPin(TestSecrets.CardPin);
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw(ResidentCardCommands.ComputeDigitalSignature(DigestInfo.Create(HashAlgorithmName.SHA256, new byte[32]))));
    }

    [Fact]
    public void ComputeSignature_WhenDataIsNotADigestInfo_Answers6A80()
    {
        _card.Personalise(_ca);
        _card.VerifyPassword(TestSecrets.Password);
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.IncorrectData, _card.Sw(ResidentCardCommands.ComputeDigitalSignature(new byte[32])));
    }

    [Fact]
    public void ComputeSignature_WhenNoKey_Answers6A88()
    {
        _card.SetPassword(TestSecrets.Password);
        _card.VerifyPassword(TestSecrets.Password);
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.ReferencedDataNotFound, _card.Sw(ResidentCardCommands.ComputeDigitalSignature(DigestInfo.Create(HashAlgorithmName.SHA256, new byte[32]))));
    }

    [Fact]
    public void ComputeSignature_WhenCurrentEfIsNotTheKey_Answers6981()
    {
        _card.Personalise(_ca);
        _card.VerifyPassword(TestSecrets.Password);

        Assert.Equal(StatusWord.IncompatibleFileStructure, _card.Sw(ResidentCardCommands.ComputeDigitalSignature(DigestInfo.Create(HashAlgorithmName.SHA256, new byte[32]))));
    }

    [Fact]
    public void ComputeSignature_WhenCardWasReset_NeedsThePasswordAgain()
    {
        _card.Personalise(_ca);
        _card.VerifyPassword(TestSecrets.Password);
        _card.Card.Reset();
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw(ResidentCardCommands.ComputeDigitalSignature(DigestInfo.Create(HashAlgorithmName.SHA256, new byte[32]))));
    }

}
