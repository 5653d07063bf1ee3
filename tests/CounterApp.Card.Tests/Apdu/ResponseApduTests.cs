using CounterApp.Card.Apdu;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.Apdu;

public sealed class ResponseApduTests
{
    [Fact]
    public void Parse_WhenDataAndStatus_SplitsThem()
    {
        var response = ResponseApdu.Parse(Hex.Bytes("01 02 90 00"));

        Assert.Equal(Hex.Bytes("01 02"), response.Data.ToArray());
        Assert.True(response.IsSuccess);
    }

    [Fact]
    public void Parse_WhenOneByte_ThrowsApduFormatException()
    {
        Assert.Throws<ApduFormatException>(() => ResponseApdu.Parse(Hex.Bytes("90")));
    }

    [Fact]
    public void Encode_WhenParsedBack_IsTheSameBytes()
    {
        var bytes = Hex.Bytes("AA BB CC 63 C2");

        Assert.Equal(bytes, ResponseApdu.Parse(bytes).Encode());
    }
}
