using CounterApp.Card.Connection;

namespace CounterApp.Web.Features.Readers;

/// <summary>
/// The card reader at each counter, whoever provides it: a reader agent on the counter PC (Agents/), or the simulated
/// reader of the embedded default. Pages and procedures ask this, never the agent registry directly.
/// </summary>
public interface ICounterReaders
{
    /// <summary>What the counter's reader looks like now (for the header and the card step).</summary>
    CounterReaderState StateOf(int counterId);

    /// <summary>
    /// Opens the card inserted at the counter for one procedure (exclusive until disposed).
    /// Throws <see cref="ReaderUnavailableException"/> when the agent is offline, no reader is attached or no card is in it.
    /// </summary>
    Task<ISmartCardConnection> OpenCardAsync(int counterId, CancellationToken cancellationToken = default);

    /// <summary>Raised after a counter's reader changed (agent, reader or card); handlers must be quick and must not throw.</summary>
    event EventHandler<CounterReaderChangedEventArgs>? Changed;
}

/// <summary>The reader of <see cref="CounterId"/> changed; ask <see cref="ICounterReaders.StateOf"/> for the new state.</summary>
public sealed class CounterReaderChangedEventArgs(int counterId) : EventArgs
{
    public int CounterId { get; } = counterId;
}

/// <summary>The live state of a counter's reader.</summary>
public sealed record CounterReaderState(bool AgentConnected, bool ReaderPresent, bool CardPresent, bool Simulated, string? ReaderName)
{
    public static CounterReaderState Offline { get; } = new(false, false, false, false, null);
}

/// <summary>Why a card could not be opened at the counter.</summary>
public enum ReaderUnavailableReason
{
    AgentOffline,
    NoReader,
    NoCard,

    /// <summary>Another procedure holds the card at this counter (until its connection is disposed).</summary>
    Busy,

    /// <summary>Cards are in more than one reader at the counter; the clerk takes out all but one.</summary>
    SeveralCards,
}

/// <summary>The counter's reader cannot give a card now; <see cref="Reason"/> says why (the UI words it).</summary>
public sealed class ReaderUnavailableException : Exception
{
    public ReaderUnavailableException()
    {
    }

    public ReaderUnavailableException(string message)
        : base(message)
    {
    }

    public ReaderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReaderUnavailableException(ReaderUnavailableReason reason, int counterId)
        : base($"Counter {counterId}: {reason}.") => Reason = reason;

    public ReaderUnavailableException(ReaderUnavailableReason reason, int counterId, Exception innerException)
        : base($"Counter {counterId}: {reason}.", innerException) => Reason = reason;

    public ReaderUnavailableReason Reason { get; }
}
