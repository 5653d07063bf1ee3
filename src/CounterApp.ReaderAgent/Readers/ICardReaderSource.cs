using CounterApp.Card.Connection;

namespace CounterApp.ReaderAgent.Readers;

/// <summary>
/// Where the agent finds card readers: PC/SC on a counter PC (<see cref="PcscReaderSource"/>), an in-process
/// simulated reader in tests. The agent reports what <see cref="WatchAsync"/> yields and connects on the server's
/// request; it never interprets what goes through the connection.
/// </summary>
public interface ICardReaderSource
{
    /// <summary>
    /// The readers now, then again after every change (a card inserted or removed, a reader plugged or unplugged).
    /// May also yield an unchanged list. Throws <see cref="IOException"/> when the reader service is unavailable;
    /// the agent waits and calls again.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<ReaderSnapshot>> WatchAsync(CancellationToken cancellationToken);

    /// <summary>Connects exclusively to the card in <paramref name="reader"/>; disposing resets the card.</summary>
    /// <exception cref="CardRemovedException">The reader holds no card.</exception>
    /// <exception cref="Card.Pcsc.PcscException">Unknown reader, another holder, or another PC/SC failure.</exception>
    Task<ISmartCardConnection> ConnectAsync(string reader, CancellationToken cancellationToken);
}

/// <summary>One reader as the agent reports it: its name, whether a card is in it, and the card's ATR.</summary>
public sealed record ReaderSnapshot(string Name, bool CardPresent, ReadOnlyMemory<byte> Atr)
{
    public bool SameAs(ReaderSnapshot other) =>
        other is not null && Name == other.Name && CardPresent == other.CardPresent && Atr.Span.SequenceEqual(other.Atr.Span);
}
