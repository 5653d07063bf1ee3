using CounterApp.Card.Apdu;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.Apdu;

/// <summary>ISO 7816-4 §5.1: the seven command cases, short and extended, both ways.</summary>
public sealed class CommandApduTests
{
    [Fact]
    public void Parse_WhenCase1_ReadsTheHeaderOnly()
    {
        var command = CommandApdu.Parse(Hex.Bytes("00 20 00 80"));

        Assert.Equal((0x00, 0x20, 0x00, 0x80), (command.Cla, command.Ins, command.P1, command.P2));
        Assert.True(command.Data.IsEmpty);
        Assert.Equal(0, command.Ne);
    }

    [Theory]
    [InlineData("00 B0 00 00 10", 16)]
    [InlineData("00 B0 00 00 00", 256)]
    public void Parse_WhenCase2Short_ReadsLeWithZeroMeaning256(string hex, int ne)
    {
        Assert.Equal(ne, CommandApdu.Parse(Hex.Bytes(hex)).Ne);
    }

    [Fact]
    public void Parse_WhenCase3Short_ReadsTheData()
    {
        var command = CommandApdu.Parse(Hex.Bytes("00 A4 02 0C 02 00 1B"));

        Assert.Equal(Hex.Bytes("00 1B"), command.Data.ToArray());
        Assert.Equal(0, command.Ne);
    }

    [Fact]
    public void Parse_WhenCase4Short_ReadsDataAndLe()
    {
        var command = CommandApdu.Parse(Hex.Bytes("80 2A 00 80 03 01 02 03 00"));

        Assert.Equal(Hex.Bytes("01 02 03"), command.Data.ToArray());
        Assert.Equal(256, command.Ne);
    }

    [Theory]
    [InlineData("00 B0 00 00 00 08 00", 2048)]
    [InlineData("00 B0 00 00 00 00 00", 65536)]
    public void Parse_WhenCase2Extended_ReadsLeWithZeroMeaning65536(string hex, int ne)
    {
        Assert.Equal(ne, CommandApdu.Parse(Hex.Bytes(hex)).Ne);
    }

    [Fact]
    public void Parse_WhenCase3And4Extended_ReadsDataAndLe()
    {
        var data = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        byte[] bytes3 = [0x00, 0xD6, 0x00, 0x00, 0x00, 0x01, 0x2C, .. data];
        byte[] bytes4 = [0x00, 0xD6, 0x00, 0x00, 0x00, 0x01, 0x2C, .. data, 0x01, 0x00];
        var case3 = CommandApdu.Parse(bytes3);
        var case4 = CommandApdu.Parse(bytes4);

        Assert.Equal(data, case3.Data.ToArray());
        Assert.Equal(0, case3.Ne);
        Assert.Equal(data, case4.Data.ToArray());
        Assert.Equal(256, case4.Ne);
    }

    [Theory]
    [InlineData("00 A4 04")]
    [InlineData("00 A4 02 0C 03 00 1B")]
    [InlineData("00 A4 02 0C 02 00 1B 00 00")]
    [InlineData("00 B0 00 00 00 08")]
    [InlineData("00 D6 00 00 00 00 00 01")]
    [InlineData("00 D6 00 00 00 00 05 01 02")]
    public void Parse_WhenLengthsDoNotMatchTheBytes_ThrowsApduFormatException(string hex)
    {
        Assert.Throws<ApduFormatException>(() => CommandApdu.Parse(Hex.Bytes(hex)));
    }

    [Theory]
    [InlineData(0, 0, "00 84 00 00")]
    [InlineData(0, 16, "00 84 00 00 10")]
    [InlineData(0, 256, "00 84 00 00 00")]
    [InlineData(2, 0, "00 84 00 00 02 AA AA")]
    [InlineData(2, 256, "00 84 00 00 02 AA AA 00")]
    [InlineData(0, 257, "00 84 00 00 00 01 01")]
    [InlineData(0, 65536, "00 84 00 00 00 00 00")]
    [InlineData(2, 65536, "00 84 00 00 00 00 02 AA AA 00 00")]
    public void Encode_WhenItFitsShortForm_UsesItAndExtendedOtherwise(int nc, int ne, string expected)
    {
        var command = new CommandApdu(0x00, 0x84, 0, 0, Enumerable.Repeat((byte)0xAA, nc).ToArray(), ne);

        Assert.Equal(Hex.Bytes(expected), command.Encode());
    }

    [Fact]
    public void Encode_WhenDataOver255Bytes_UsesExtendedLcAndParsesBack()
    {
        var command = new CommandApdu(0x00, 0xD6, 0, 0, new byte[1000], 0);

        var encoded = command.Encode();
        var parsed = CommandApdu.Parse(encoded);

        Assert.Equal(Hex.Bytes("00 D6 00 00 00 03 E8"), encoded[..7]);
        Assert.Equal(1000, parsed.Data.Length);
        Assert.True(command.NeedsExtendedLength);
    }

    [Fact]
    public void Encode_WhenExtendedRequested_UsesExtendedEvenIfShortFits()
    {
        var command = new CommandApdu(0x00, 0xB0, 0, 0, default, 16);

        Assert.Equal(Hex.Bytes("00 B0 00 00 00 00 10"), command.Encode(extended: true));
    }

    [Fact]
    public void Constructor_WhenNeBeyondExtendedMaximum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandApdu(0, 0xB0, 0, 0, default, 65537));
    }
}
