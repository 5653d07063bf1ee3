using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>VERIFY: tries left as 63 Cx, five wrong passwords lock (R-CA-01), the card PIN has three tries.</summary>
[Trait("Rule", "R-CA-01")]
public sealed class VerifyTests
{
    private readonly CardHarness _card = new();

    [Fact]
    public void Verify_WhenNoDataOnFreshPassword_Answers63C5()
    {
        _card.SetPassword(TestSecrets.Password);
        _card.SelectEf(ResidentCardProfile.PasswordEf);

        Assert.Equal(new StatusWord(0x63C5), _card.Sw("00 20 00 80"));
    }

    [Fact]
    public void Verify_WhenNoDataOnCardPin_Answers63C3()
    {
        _card.SelectEf(ResidentCardProfile.CardPinEf);

        Assert.Equal(new StatusWord(0x63C3), _card.Sw("00 20 00 80"));
    }

    [Fact]
    public void Verify_WhenPasswordNotSetYet_Answers6984()
    {
        _card.SelectEf(ResidentCardProfile.PasswordEf);

        Assert.Equal(StatusWord.ReferenceDataNotUsable, _card.Sw("00 20 00 80"));
        Assert.Equal(StatusWord.ReferenceDataNotUsable, _card.Sw(ResidentCardCommands.Verify(TestSecrets.Ascii("ANY1"))));
    }

    [Fact]
    public void Verify_WhenRight_Answers9000()
    {
        _card.SetPassword(TestSecrets.Password);

        Assert.Equal(StatusWord.Success, _card.VerifyPassword(TestSecrets.Password));
        Assert.Equal(StatusWord.Success, _card.VerifyPin(TestSecrets.CardPin));
    }

    [Fact]
    public void Verify_WhenWrong_CountsDownInTheStatusWord()
    {
        _card.SetPassword(TestSecrets.Password);

        var answers = Enumerable.Range(0, 4).Select(_ => _card.VerifyPassword("WRONG1")).ToArray();

        Assert.Equal([0x63C4, 0x63C3, 0x63C2, 0x63C1], answers.Select(a => (int)a.Value));
    }

    [Fact]
    public void Verify_WhenFiveWrongPasswords_Answers63C0ThenLocksWith6983EvenForTheRightOne()
    {
        _card.SetPassword(TestSecrets.Password);

        var answers = new List<StatusWord>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(_card.VerifyPassword("WRONG1"));
        }

        var fifth = answers[^1];
        var right = _card.VerifyPassword(TestSecrets.Password);
        var status = _card.Sw("00 20 00 80");

        Assert.Equal(new StatusWord(0x63C0), fifth);
        Assert.Equal(StatusWord.AuthenticationMethodBlocked, right);
        Assert.Equal(new StatusWord(0x63C0), status);
    }

    [Fact]
    public void Verify_WhenRightAfterFourWrong_RestoresFiveTries()
    {
        _card.SetPassword(TestSecrets.Password);
        for (var i = 0; i < 4; i++)
        {
            _card.VerifyPassword("WRONG1");
        }

        Assert.Equal(StatusWord.Success, _card.VerifyPassword(TestSecrets.Password));
        Assert.Equal(new StatusWord(0x63C5), _card.Sw("00 20 00 80"));
    }

    [Fact]
    [Trait("Rule", "R-CA-03")]
    public void Verify_WhenThreeWrongCardPins_LocksThePinButNotThePassword()
    {
        _card.SetPassword(TestSecrets.Password);

        var answers = Enumerable.Range(0, 4).Select(_ => _card.VerifyPin("0000")).ToArray();

        Assert.Equal([0x63C2, 0x63C1, 0x63C0, 0x6983], answers.Select(a => (int)a.Value));
        Assert.Equal(StatusWord.Success, _card.VerifyPassword(TestSecrets.Password));
    }

    [Fact]
    public void Verify_WhenWrongAfterRight_WithdrawsTheVerification()
    {
        var ca = TestCa.Shared;
        _card.Personalise(ca);
        _card.VerifyPassword(TestSecrets.Password);
        _card.VerifyPassword("WRONG1");
        _card.SelectEf(ResidentCardProfile.SigningCertificateEf);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw(ResidentCardCommands.ReadBinary(0, 4)));
    }

    [Fact]
    public void Verify_WhenNoEfSelected_Answers6986()
    {
        _card.SelectApplication();

        Assert.Equal(StatusWord.NoCurrentEf, _card.Sw(ResidentCardCommands.Verify(TestSecrets.Ascii("1234"))));
    }

    [Fact]
    public void Verify_WhenCurrentEfIsNotAPin_Answers6981()
    {
        _card.SelectEf(ResidentCardProfile.TokenInfoEf);

        Assert.Equal(StatusWord.IncompatibleFileStructure, _card.Sw(ResidentCardCommands.Verify(TestSecrets.Ascii("1234"))));
    }

    [Theory]
    [InlineData("00 20 00 81 04 31 32 33 34")]
    [InlineData("00 20 01 80 04 31 32 33 34")]
    public void Verify_WhenP1P2NotTheProfiles_Answers6A86(string apdu)
    {
        _card.SelectEf(ResidentCardProfile.CardPinEf);

        Assert.Equal(StatusWord.IncorrectP1P2, _card.Sw(apdu));
    }
}
