using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>SELECT: the JPKI application, its EFs, the MF; the unused JPKI EFs are absent.</summary>
public sealed class SelectTests
{
    private readonly CardHarness _card = new();

    [Fact]
    public void SelectApplication_WhenJpkiAid_Answers9000()
    {
        Assert.Equal(StatusWord.Success, _card.Sw("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"));
    }

    [Theory]
    [InlineData("00 A4 04 0C 09 A0 00 00 03 08 00 00 10 00")]
    [InlineData("00 A4 04 00 07 A0 00 00 00 03 10 10")]
    [InlineData("00 A4 04 0C 09 D3 92 F0 00 26 01 00 00 00")]
    public void SelectApplication_WhenAnotherAid_Answers6A82(string apdu)
    {
        Assert.Equal(StatusWord.FileNotFound, _card.Sw(apdu));
    }

    [Fact]
    public void SelectApplication_WhenFciAsked_Answers6A86()
    {
        Assert.Equal(StatusWord.IncorrectP1P2, _card.Sw("00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01"));
    }

    [Theory]
    [InlineData(0x0001)]
    [InlineData(0x0002)]
    [InlineData(0x0006)]
    [InlineData(0x0018)]
    [InlineData(0x001A)]
    [InlineData(0x001B)]
    public void SelectEf_WhenAProfileEf_Answers9000(int fileId)
    {
        _card.SelectApplication();

        Assert.Equal(StatusWord.Success, _card.Sw(ResidentCardCommands.SelectEf((ushort)fileId)));
    }

    [Theory]
    [InlineData(0x000A)]
    [InlineData(0x000B)]
    [InlineData(0x0017)]
    [InlineData(0x2F00)]
    public void SelectEf_WhenAnUnusedJpkiEfOrUnknown_Answers6A82(int fileId)
    {
        _card.SelectApplication();

        Assert.Equal(StatusWord.FileNotFound, _card.Sw(ResidentCardCommands.SelectEf((ushort)fileId)));
    }

    [Fact]
    public void SelectEf_WhenApplicationNotSelected_Answers6A82()
    {
        Assert.Equal(StatusWord.FileNotFound, _card.Sw(ResidentCardCommands.SelectEf(ResidentCardProfile.TokenInfoEf)));
    }

    [Fact]
    public void SelectEf_WhenIdentifierNotTwoBytes_Answers6700()
    {
        _card.SelectApplication();

        Assert.Equal(StatusWord.WrongLength, _card.Sw("00 A4 02 0C 01 06"));
    }

    [Fact]
    public void SelectMf_WhenAsked_LeavesTheApplication()
    {
        _card.SelectApplication();

        Assert.Equal(StatusWord.Success, _card.Sw("00 A4 00 0C 02 3F 00"));
        Assert.Equal(StatusWord.FileNotFound, _card.Sw(ResidentCardCommands.SelectEf(ResidentCardProfile.TokenInfoEf)));
    }

    [Fact]
    public void Select_WhenItFails_KeepsTheCurrentEf()
    {
        _card.SelectEf(ResidentCardProfile.TokenInfoEf);

        Assert.Equal(StatusWord.FileNotFound, _card.Sw(ResidentCardCommands.SelectEf(0x000A)));
        Assert.Equal(StatusWord.Success, _card.Sw(ResidentCardCommands.ReadBinary(0, 32)));
    }

    [Theory]
    [InlineData("00 A4 08 0C 02 3F 00")]
    [InlineData("00 A4 01 0C 02 00 01")]
    [InlineData("00 A4 02 04 02 00 06")]
    public void Select_WhenP1OrP2Unsupported_Answers6A86(string apdu)
    {
        _card.SelectApplication();

        Assert.Equal(StatusWord.IncorrectP1P2, _card.Sw(apdu));
    }
}
