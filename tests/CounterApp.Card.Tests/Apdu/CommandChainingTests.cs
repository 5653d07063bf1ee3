using CounterApp.Card.Apdu;

namespace CounterApp.Card.Tests.Apdu;

/// <summary>ISO 7816-4 §5.4.1: data over 255 bytes goes as a chain; the CLA bit marks all but the last.</summary>
public sealed class CommandChainingTests
{
    [Fact]
    public void Split_WhenDataIs600Bytes_MakesThreeLinksWithTheChainingBitOnTheFirstTwo()
    {
        var data = Enumerable.Range(0, 600).Select(i => (byte)i).ToArray();

        var parts = CommandChaining.Split(new CommandApdu(0x00, 0xD6, 0, 0, data, 256));

        Assert.Equal([0x10, 0x10, 0x00], parts.Select(p => p.Cla));
        Assert.Equal([255, 255, 90], parts.Select(p => p.Data.Length));
        Assert.Equal([0, 0, 256], parts.Select(p => p.Ne));
        Assert.Equal(data, parts.SelectMany(p => p.Data.ToArray()));
    }

    [Fact]
    public void Split_WhenDataFits_ReturnsTheCommandItself()
    {
        var command = new CommandApdu(0x00, 0xD6, 0, 0, new byte[255]);

        Assert.Same(command, Assert.Single(CommandChaining.Split(command)));
    }
}
