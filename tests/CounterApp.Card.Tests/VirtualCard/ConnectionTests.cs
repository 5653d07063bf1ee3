using CounterApp.Card.Apdu;
using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.Card.Tests.Support;
using CounterApp.VirtualCard;
using CounterApp.VirtualCard.InProcess;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>The in-process reader behaves like PC/SC: removal, reset detection, exclusive transactions.</summary>
public sealed class ConnectionTests : IDisposable
{
    private readonly VirtualCardReader _reader = new();
    private readonly VirtualResidentCard _card = VirtualResidentCard.CreateInMemory(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin));

    [Fact]
    public void Connect_WhenReaderEmpty_ThrowsCardRemoved()
    {
        Assert.Throws<CardRemovedException>(() => _reader.Connect());
    }

    [Fact]
    public async Task Transmit_WhenCardRemoved_ThrowsCardRemoved()
    {
        _reader.Insert(_card);
        await using var connection = _reader.Connect();
        _reader.Remove();

        await Assert.ThrowsAsync<CardRemovedException>(() => new ResidentCardClient(connection).SelectApplicationAsync());
    }

    [Fact]
    public async Task Transmit_WhenCardResetBySomeoneElse_ThrowsCardResetOnceThenWorks()
    {
        _reader.Insert(_card);
        await using var connection = _reader.Connect();
        var client = new ResidentCardClient(connection);
        await client.SelectApplicationAsync();

        _card.Reset();

        await Assert.ThrowsAsync<CardResetException>(() => client.SelectApplicationAsync());
        await client.SelectApplicationAsync();
    }

    [Fact]
    public async Task BeginTransaction_WhenAnotherConnectionHoldsOne_WaitsForItsEnd()
    {
        _reader.Insert(_card);
        await using var first = _reader.Connect(resetOnClose: false);
        await using var second = _reader.Connect(resetOnClose: false);
        var held = await first.BeginTransactionAsync();

        var waiting = second.BeginTransactionAsync();
        var transmit = second.TransmitAsync(Hex.Bytes("00 84 00 00 10"));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.False(transmit.IsCompleted);

        await held.DisposeAsync();
        await using var got = await waiting;
        Assert.False(got.CardWasReset);
    }

    [Fact]
    public async Task BeginTransaction_WhenCardWasResetSinceTheLastExchange_SaysSo()
    {
        _reader.Insert(_card);
        await using var connection = _reader.Connect();
        _card.Reset();

        await using var transaction = await connection.BeginTransactionAsync();

        Assert.True(transaction.CardWasReset);
    }

    [Fact]
    public async Task Dispose_WhenResetOnClose_EndsTheIssuerSession()
    {
        _reader.Insert(_card);
        await using (var issuer = _reader.Connect())
        {
            await new ResidentCardClient(issuer).AuthenticateIssuerAsync(TestSecrets.MasterSecret);
        }

        await using var next = _reader.Connect();
        var refused = await Assert.ThrowsAsync<CardCommandException>(() => new ResidentCardClient(next).GenerateKeyPairAsync());
        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, refused.StatusWord);
    }

    [Fact]
    public void InsertAndRemove_WhenWatched_RaiseCardChanged()
    {
        var seen = new List<string?>();
        _reader.CardChanged += (_, card) => seen.Add(card?.Serial);

        _reader.Insert(_card);
        _reader.Remove();

        Assert.Equal([_card.Serial, null], seen);
    }

    [Fact]
    public void Insert_WhenReaderOccupied_Throws()
    {
        _reader.Insert(_card);

        Assert.Throws<InvalidOperationException>(() => _reader.Insert(_card));
    }

    public void Dispose() => _reader.Dispose();
}
