using CounterApp.Card.Apdu;

namespace CounterApp.Card.Tests.Apdu;

public sealed class StatusWordTests
{
    [Theory]
    [InlineData(0x63C5, 5)]
    [InlineData(0x63C0, 0)]
    public void TriesLeft_When63Cx_IsX(int value, int tries)
    {
        Assert.Equal(tries, new StatusWord((ushort)value).TriesLeft);
    }

    [Theory]
    [InlineData(0x6300)]
    [InlineData(0x6983)]
    [InlineData(0x9000)]
    public void TriesLeft_WhenNot63Cx_IsNull(int value)
    {
        Assert.Null(new StatusWord((ushort)value).TriesLeft);
    }

    [Theory]
    [InlineData(0x6110, 16)]
    [InlineData(0x6100, 256)]
    public void BytesAvailable_When61xx_IsXxWithZeroMeaning256(int value, int count)
    {
        Assert.Equal(count, new StatusWord((ushort)value).BytesAvailable);
    }

    [Fact]
    public void WithBytesAvailable_When256OrMore_Is6100()
    {
        Assert.Equal(new StatusWord(0x6100), StatusWord.WithBytesAvailable(300));
        Assert.Equal(new StatusWord(0x610D), StatusWord.WithBytesAvailable(13));
    }

    [Fact]
    public void WithTriesLeft_WhenOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatusWord.WithTriesLeft(16));
        Assert.Equal(new StatusWord(0x63C3), StatusWord.WithTriesLeft(3));
    }

    [Fact]
    public void ToString_WhenAsked_IsFourHexDigits()
    {
        Assert.Equal("6A82", StatusWord.FileNotFound.ToString());
        Assert.Equal((0x6A, 0x82), (StatusWord.FileNotFound.Sw1, StatusWord.FileNotFound.Sw2));
    }
}
