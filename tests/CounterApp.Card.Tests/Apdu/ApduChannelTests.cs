using CounterApp.Card.Apdu;
using CounterApp.Card.Connection;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.Apdu;

/// <summary>The channel speaks short APDUs only: chaining out, GET RESPONSE and 6C xx in.</summary>
public sealed class ApduChannelTests
{
    [Fact]
    public async Task Send_WhenDataOver255Bytes_ChainsItInShortApdus()
    {
        var connection = new ScriptedConnection("90 00", "90 00", "90 00");

        var response = await new ApduChannel(connection).SendAsync(new CommandApdu(0x00, 0xD6, 0, 0, new byte[600]));

        Assert.True(response.IsSuccess);
        Assert.Equal([0x10, 0x10, 0x00], connection.Sent.Select(s => s[0]));
        Assert.All(connection.Sent, s => Assert.True(s.Length <= 5 + 255));
    }

    [Fact]
    public async Task Send_WhenALinkOfTheChainFails_StopsAndReturnsThatAnswer()
    {
        var connection = new ScriptedConnection("69 82");

        var response = await new ApduChannel(connection).SendAsync(new CommandApdu(0x00, 0xD6, 0, 0, new byte[600]));

        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, response.StatusWord);
        Assert.Single(connection.Sent);
    }

    [Fact]
    public async Task Send_WhenCardAnswers61xx_CollectsTheRestWithGetResponse()
    {
        var connection = new ScriptedConnection("01 02 61 03", "03 04 05 90 00");

        var response = await new ApduChannel(connection).SendAsync(new CommandApdu(0x00, 0x47, 0x81, 0, default, 65536));

        Assert.Equal(Hex.Bytes("01 02 03 04 05"), response.Data.ToArray());
        Assert.Equal(Hex.Bytes("00 C0 00 00 03"), connection.Sent[1]);
        Assert.Equal(Hex.Bytes("00 47 81 00 00"), connection.Sent[0]);
    }

    [Fact]
    public async Task Send_WhenCardAnswers6Cxx_ResendsWithThatLe()
    {
        var connection = new ScriptedConnection("6C 04", "0A 0B 0C 0D 90 00");

        var response = await new ApduChannel(connection).SendAsync(new CommandApdu(0x00, 0xB0, 0, 0, default, 16));

        Assert.Equal(4, response.Data.Length);
        Assert.Equal(Hex.Bytes("00 B0 00 00 04"), connection.Sent[1]);
    }

    [Fact]
    public async Task Send_WhenDone_ZeroesTheEncodedCommand()
    {
        var connection = new ScriptedConnection("90 00");

        await new ApduChannel(connection).SendAsync(new CommandApdu(0x00, 0x20, 0x00, 0x80, TestSecrets.Ascii(TestSecrets.Password)));

        Assert.All(connection.Buffers.Single(), b => Assert.Equal(0, b));
    }

    /// <summary>A connection that answers from a script and records what it was sent.</summary>
    private sealed class ScriptedConnection(params string[] answers) : ISmartCardConnection
    {
        private readonly Queue<string> _answers = new(answers);

        public List<byte[]> Sent { get; } = [];

        public List<byte[]> Buffers { get; } = [];

        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
        {
            Sent.Add(command.ToArray());
            if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(command, out var segment) && segment.Array is { } array)
            {
                Buffers.Add(array);
            }

            return Task.FromResult(Hex.Bytes(_answers.Dequeue()));
        }

        public Task<ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
