using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>
/// RESET RETRY COUNTER (issuer: initial password, unlock R-CA-01, PIN reset R-CA-03) and
/// CHANGE REFERENCE DATA 00 24 01 80 (the resident, after verifying the old password; R-CA-02).
/// </summary>
public sealed class ReferenceDataTests
{
    private readonly CardHarness _card = new();

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public void ResetRetryCounter_WhenPasswordLocked_UnlocksWithTheNewPasswordAndFiveTries()
    {
        _card.SetPassword(TestSecrets.Password);
        for (var i = 0; i < 5; i++)
        {
            _card.VerifyPassword("WRONG1");
        }

        _card.SetPassword(TestSecrets.NewPassword);

        Assert.Equal(new StatusWord(0x63C4), _card.VerifyPassword(TestSecrets.Password));
        Assert.Equal(StatusWord.Success, _card.VerifyPassword(TestSecrets.NewPassword));
        Assert.Equal(new StatusWord(0x63C5), _card.Sw("00 20 00 80"));
    }

    [Fact]
    [Trait("Rule", "R-CA-03")]
    public void ResetRetryCounter_WhenCardPinLocked_SetsTheNewPin()
    {
        for (var i = 0; i < 3; i++)
        {
            _card.VerifyPin("0000");
        }

        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.CardPinEf);
        var reset = _card.Sw(ResidentCardCommands.ResetRetryCounter(TestSecrets.Ascii("8765")));

        Assert.Equal(StatusWord.Success, reset);
        Assert.Equal(StatusWord.Success, _card.VerifyPin("8765"));
        Assert.Equal(new StatusWord(0x63C2), _card.VerifyPin(TestSecrets.CardPin));
    }

    [Theory]
    [InlineData(0x001B)]
    [InlineData(0x0018)]
    public void ResetRetryCounter_WhenIssuerNotAuthenticated_Answers6982(int fileId)
    {
        _card.SelectEf((ushort)fileId);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw(ResidentCardCommands.ResetRetryCounter(TestSecrets.Ascii("1111"))));
    }

    [Theory]
    [Trait("Rule", "R-CE-05")]
    [InlineData(0x001B, "abcd12")]
    [InlineData(0x001B, "ABC")]
    [InlineData(0x001B, "ABCDEFGHIJKLMNOPQ")]
    [InlineData(0x0018, "12345")]
    [InlineData(0x0018, "12A4")]
    public void ResetRetryCounter_WhenNewValueBreaksTheFormat_Answers6A80(int fileId, string value)
    {
        _card.AuthenticateIssuer();
        _card.SelectEf((ushort)fileId);

        Assert.Equal(StatusWord.IncorrectData, _card.Sw(ResidentCardCommands.ResetRetryCounter(TestSecrets.Ascii(value))));
    }

    [Theory]
    [InlineData("00 2C 00 80 04 31 31 31 31")]
    [InlineData("00 2C 03 80")]
    [InlineData("00 2C 02 81 04 31 31 31 31")]
    public void ResetRetryCounter_WhenP1P2NotTheProfiles_Answers6A86(string apdu)
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.CardPinEf);

        Assert.Equal(StatusWord.IncorrectP1P2, _card.Sw(apdu));
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    public void ChangeReferenceData_WhenOldPasswordVerified_SetsTheNewOne()
    {
        _card.SetPassword(TestSecrets.Password);
        _card.VerifyPassword(TestSecrets.Password);

        var changed = _card.Sw(ResidentCardCommands.ChangeReferenceData(TestSecrets.Ascii(TestSecrets.NewPassword)));

        Assert.Equal(StatusWord.Success, changed);
        Assert.Equal(StatusWord.Success, _card.VerifyPassword(TestSecrets.NewPassword));
        Assert.Equal(new StatusWord(0x63C4), _card.VerifyPassword(TestSecrets.Password));
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    public void ChangeReferenceData_WhenOldPasswordNotVerified_Answers6982()
    {
        _card.SetPassword(TestSecrets.Password);
        _card.Card.Reset();
        _card.SelectEf(ResidentCardProfile.PasswordEf);

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, _card.Sw(ResidentCardCommands.ChangeReferenceData(TestSecrets.Ascii(TestSecrets.NewPassword))));
    }

    [Fact]
    [Trait("Rule", "R-CA-02")]
    public void ChangeReferenceData_WhenLocked_Answers6983()
    {
        _card.SetPassword(TestSecrets.Password);
        for (var i = 0; i < 5; i++)
        {
            _card.VerifyPassword("WRONG1");
        }

        Assert.Equal(StatusWord.AuthenticationMethodBlocked, _card.Sw(ResidentCardCommands.ChangeReferenceData(TestSecrets.Ascii(TestSecrets.NewPassword))));
    }

    [Fact]
    public void ChangeReferenceData_WhenNewValueBreaksTheFormat_Answers6A80()
    {
        _card.SetPassword(TestSecrets.Password);
        _card.VerifyPassword(TestSecrets.Password);

        Assert.Equal(StatusWord.IncorrectData, _card.Sw(ResidentCardCommands.ChangeReferenceData(TestSecrets.Ascii("abc"))));
    }

    [Fact]
    public void ChangeReferenceData_WhenOldAndNewTogether_Answers6A86()
    {
        _card.SetPassword(TestSecrets.Password);
        _card.VerifyPassword(TestSecrets.Password);

        Assert.Equal(StatusWord.IncorrectP1P2, _card.Sw(new CommandApdu(0x00, Ins.ChangeReferenceData, 0x00, 0x80, TestSecrets.Ascii(TestSecrets.Password + TestSecrets.NewPassword))));
    }

    [Fact]
    [Trait("Rule", "R-CA-03")]
    public void ChangeReferenceData_WhenCardPinVerified_ChangesThePin()
    {
        _card.VerifyPin(TestSecrets.CardPin);

        Assert.Equal(StatusWord.Success, _card.Sw(ResidentCardCommands.ChangeReferenceData(TestSecrets.Ascii("2468"))));
        Assert.Equal(StatusWord.Success, _card.VerifyPin("2468"));
    }
}
