using CounterApp.Card.Apdu;
using CounterApp.Card.Issuer;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>GET CHALLENGE → EXTERNAL AUTHENTICATE with the per-card key; issuer commands are refused with 69 82 before it.</summary>
public sealed class IssuerAuthenticationTests
{
    private readonly CardHarness _card = new();

    [Fact]
    public void GetChallenge_WhenAsked_ReturnsSixteenFreshBytes()
    {
        var first = _card.Send(ResidentCardCommands.GetChallenge());
        var second = _card.Send(ResidentCardCommands.GetChallenge());

        Assert.Equal(StatusWord.Success, first.StatusWord);
        Assert.Equal(16, first.Data.Length);
        Assert.NotEqual(first.Data.ToArray(), second.Data.ToArray());
    }

    [Theory]
    [InlineData("00 84 00 00 08")]
    [InlineData("00 84 00 00")]
    public void GetChallenge_WhenLeBelowSixteen_Answers6700(string apdu)
    {
        Assert.Equal(StatusWord.WrongLength, _card.Sw(apdu));
    }

    [Fact]
    public void ExternalAuthenticate_WhenCryptogramFromTheMasterSecret_Answers9000()
    {
        var challenge = _card.Send(ResidentCardCommands.GetChallenge()).Data.Span;
        var key = IssuerKeyDerivation.DeriveCardKey(TestSecrets.MasterSecret, _card.Card.Serial);

        Assert.Equal(StatusWord.Success, _card.Sw(ResidentCardCommands.ExternalAuthenticate(IssuerCryptogram.Compute(key, challenge))));
    }

    [Fact]
    public void ExternalAuthenticate_WhenAnotherMasterSecret_Answers6300()
    {
        var challenge = _card.Send(ResidentCardCommands.GetChallenge()).Data.Span;
        var key = IssuerKeyDerivation.DeriveCardKey(TestSecrets.OtherMasterSecret, _card.Card.Serial);

        Assert.Equal(StatusWord.AuthenticationFailed, _card.Sw(ResidentCardCommands.ExternalAuthenticate(IssuerCryptogram.Compute(key, challenge))));
    }

    [Fact]
    public void ExternalAuthenticate_WhenAnotherCardsKey_Answers6300()
    {
        var challenge = _card.Send(ResidentCardCommands.GetChallenge()).Data.Span;
        var key = IssuerKeyDerivation.DeriveCardKey(TestSecrets.MasterSecret, "FFFFFFFFFFFFFFFF");

        Assert.Equal(StatusWord.AuthenticationFailed, _card.Sw(ResidentCardCommands.ExternalAuthenticate(IssuerCryptogram.Compute(key, challenge))));
    }

    [Fact]
    public void ExternalAuthenticate_WhenNoChallenge_Answers6985()
    {
        Assert.Equal(StatusWord.ConditionsNotSatisfied, _card.Sw(ResidentCardCommands.ExternalAuthenticate(new byte[16])));
    }

    [Fact]
    public void ExternalAuthenticate_WhenTheChallengeWasUsed_Answers6985()
    {
        var challenge = _card.Send(ResidentCardCommands.GetChallenge()).Data.ToArray();
        var key = IssuerKeyDerivation.DeriveCardKey(TestSecrets.MasterSecret, _card.Card.Serial);
        var cryptogram = IssuerCryptogram.Compute(key, challenge);
        _card.Sw(ResidentCardCommands.ExternalAuthenticate(cryptogram));

        Assert.Equal(StatusWord.ConditionsNotSatisfied, _card.Sw(ResidentCardCommands.ExternalAuthenticate(cryptogram)));
    }

    [Fact]
    public void ExternalAuthenticate_WhenWrongLength_Answers6700()
    {
        _card.Send(ResidentCardCommands.GetChallenge());

        Assert.Equal(StatusWord.WrongLength, _card.Sw(ResidentCardCommands.ExternalAuthenticate(new byte[8])));
    }

    [Fact]
    public void ExternalAuthenticate_WhenAFailedAttemptFollows_WithdrawsTheAuthentication()
    {
        _card.AuthenticateIssuer();
        _card.Send(ResidentCardCommands.GetChallenge());
        _card.Sw(ResidentCardCommands.ExternalAuthenticate(new byte[16]));
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw(ResidentCardCommands.GenerateKeyPair()));
    }

    [Fact]
    public void IssuerAuthentication_WhenCardReset_IsForgotten()
    {
        _card.AuthenticateIssuer();
        _card.Card.Reset();
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw(ResidentCardCommands.GenerateKeyPair()));
    }

    public static TheoryData<string, ushort, string> IssuerCommands => new()
    {
        { "GENERATE KEY PAIR", ResidentCardProfile.SigningKeyEf, "00 47 80 00 00" },
        { "UPDATE BINARY signing certificate", ResidentCardProfile.SigningCertificateEf, "00 D6 00 00 03 30 01 00" },
        { "UPDATE BINARY CA certificate", ResidentCardProfile.CaCertificateEf, "00 D6 00 00 03 30 01 00" },
        { "RESET RETRY COUNTER password", ResidentCardProfile.PasswordEf, "00 2C 02 80 06 41 42 43 44 45 46" },
        { "RESET RETRY COUNTER card PIN", ResidentCardProfile.CardPinEf, "00 2C 02 80 04 31 32 33 34" },
    };

    [Theory]
    [MemberData(nameof(IssuerCommands))]
    public void IssuerCommand_WhenIssuerNotAuthenticated_Answers6982(string name, ushort fileId, string apdu)
    {
        _card.SelectEf(fileId);

        Assert.True(StatusWord.SecurityStatusNotSatisfied == _card.Sw(apdu), name);
    }

    [Fact]
    public void UpdateBinary_WhenTokenInfo_IsNeverWritable()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.TokenInfoEf);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw("00 D6 00 00 03 30 01 00"));
    }
}
