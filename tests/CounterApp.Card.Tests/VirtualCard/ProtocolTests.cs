using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>What the card does not support answers at once with 6D 00 / 6E 00; malformed APDUs, chaining and GET RESPONSE.</summary>
public sealed class ProtocolTests
{
    private readonly CardHarness _card = new();

    [Theory]
    [InlineData("00 CA 01 00 00")]
    [InlineData("00 CB 3F FF 00")]
    [InlineData("00 E0 00 00 02 62 00")]
    [InlineData("00 0E 00 00")]
    [InlineData("00 88 00 00 08 01 02 03 04 05 06 07 08")]
    [InlineData("00 2A 9E 9A 00")]
    [InlineData("80 CA 9F 7F 00")]
    [InlineData("80 50 00 00 08 01 02 03 04 05 06 07 08 00")]
    public void Process_WhenInstructionUnsupported_Answers6D00(string apdu)
    {
        Assert.Equal(StatusWord.InstructionNotSupported, _card.Sw(apdu));
    }

    [Theory]
    [InlineData("A0 A4 00 00 02 3F 00")]
    [InlineData("0C A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")]
    [InlineData("84 82 00 00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00")]
    [InlineData("FF CA 00 00 00")]
    [InlineData("01 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")]
    public void Process_WhenClassUnsupported_Answers6E00(string apdu)
    {
        Assert.Equal(StatusWord.ClassNotSupported, _card.Sw(apdu));
    }

    [Theory]
    [InlineData("00 A4")]
    [InlineData("00 A4 04 0C 0B D3 92 F0 00 26 01 00 00 00 01")]
    [InlineData("00 B0 00 00 00 01")]
    public void Process_WhenApduMalformed_Answers6700(string apdu)
    {
        Assert.Equal(StatusWord.WrongLength, _card.Sw(apdu));
    }

    [Fact]
    public void GetResponse_WhenNothingPending_Answers6985()
    {
        Assert.Equal(StatusWord.ConditionsNotSatisfied, _card.Sw("00 C0 00 00 10"));
    }

    [Fact]
    public void GetResponse_WhenAnotherCommandCameBetween_HasNothingLeft()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);
        Assert.Equal(new StatusWord(0x610E), _card.Sw(ResidentCardCommands.GenerateKeyPair().WithNe(256)));

        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.ConditionsNotSatisfied, _card.Sw("00 C0 00 00 0E"));
    }

    [Fact]
    public void GetResponse_WhenLeSmallerThanTheRest_HandsItOutInPieces()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);
        _card.Send(ResidentCardCommands.GenerateKeyPair().WithNe(256));

        var first = _card.Send("00 C0 00 00 05");
        var second = _card.Send("00 C0 00 00 09");

        Assert.Equal((5, 0x6109), (first.Data.Length, (int)first.StatusWord.Value));
        Assert.Equal((9, StatusWord.Success), (second.Data.Length, second.StatusWord));
    }

    [Fact]
    public void Process_WhenNoLeButDataToAnswer_Answers61xxAndKeepsItAllForGetResponse()
    {
        _card.GenerateKey();
        _card.SelectEf(ResidentCardProfile.SigningKeyEf);

        var response = _card.Send("00 47 81 00");
        var first = _card.Send("00 C0 00 00 00");
        var rest = _card.Send("00 C0 00 00 0E");

        Assert.Equal((0, 0x6100), (response.Data.Length, (int)response.StatusWord.Value));
        Assert.Equal((256, 0x610E), (first.Data.Length, (int)first.StatusWord.Value));
        Assert.Equal((14, StatusWord.Success), (rest.Data.Length, rest.StatusWord));
    }

    [Fact]
    public void Chaining_WhenAnotherCommandInterrupts_DiscardsTheChain()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.CaCertificateEf);
        var ca = TestCa.Shared;
        var parts = CommandChaining.Split(ResidentCardCommands.UpdateBinary(ca.Certificate.RawData));

        Assert.Equal(StatusWord.Success, _card.Sw(parts[0]));
        _card.SelectEf(ResidentCardProfile.CaCertificateEf);

        Assert.Equal(StatusWord.IncorrectData, _card.Sw(parts[^1]));
    }

    [Fact]
    public void Chaining_WhenLongerThanAnyEf_Answers6700()
    {
        _card.AuthenticateIssuer();
        _card.SelectEf(ResidentCardProfile.CaCertificateEf);
        var parts = CommandChaining.Split(ResidentCardCommands.UpdateBinary(new byte[20_000]));

        var answers = parts.Select(p => _card.Sw(p)).ToArray();

        Assert.Contains(StatusWord.WrongLength, answers);
    }
}
