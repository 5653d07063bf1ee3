using CounterApp.Card.AgentProtocol;
using CounterApp.Card.Connection;
using CounterApp.Web.Agents;

namespace CounterApp.Web.Features.Readers;

/// <summary>
/// The counters' readers as their reader agents report them (Agents/): the production implementation. A counter's
/// state is the union of its connected agents' readers; a card is opened through the registry, whose own errors are
/// turned into <see cref="ReaderUnavailableException"/> so pages word one set of reasons.
/// </summary>
public sealed class AgentCounterReaders : ICounterReaders, IDisposable
{
    private readonly AgentRegistry _registry;

    public AgentCounterReaders(AgentRegistry registry)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _registry.Changed += OnRegistryChanged;
    }

    public event EventHandler<CounterReaderChangedEventArgs>? Changed;

    public CounterReaderState StateOf(int counterId)
    {
        var agents = _registry.AtCounter(counterId);
        if (agents.Count == 0)
        {
            return CounterReaderState.Offline;
        }

        var readers = agents.SelectMany(a => a.Readers).ToArray();
        var withCard = readers.FirstOrDefault(r => r.CardPresent);
        return new CounterReaderState(
            AgentConnected: true,
            ReaderPresent: readers.Length > 0,
            CardPresent: withCard is not null,
            Simulated: false,
            ReaderName: (withCard ?? readers.FirstOrDefault())?.Name);
    }

    public async Task<ISmartCardConnection> OpenCardAsync(int counterId, CancellationToken cancellationToken = default)
    {
        var agents = _registry.AtCounter(counterId);
        var readers = agents.SelectMany(a => a.Readers).ToArray();
        var refusal = (agents.Count, readers.Length, readers.Count(r => r.CardPresent)) switch
        {
            (0, _, _) => ReaderUnavailableReason.AgentOffline,
            (_, 0, _) => ReaderUnavailableReason.NoReader,
            (_, _, 0) => ReaderUnavailableReason.NoCard,
            (_, _, > 1) => ReaderUnavailableReason.SeveralCards,
            _ => (ReaderUnavailableReason?)null,
        };
        if (refusal is { } reason)
        {
            throw new ReaderUnavailableException(reason, counterId);
        }

        // The state can change between the look above and the agent's answer: the registry's errors say how.
        try
        {
            return await _registry.OpenCardAtCounterAsync(counterId, reader: null, cancellationToken);
        }
        catch (Exception e) when (ReasonFor(e) is { } cause)
        {
            throw new ReaderUnavailableException(cause, counterId, e);
        }
    }

    public void Dispose() => _registry.Changed -= OnRegistryChanged;

    /// <summary>The reason a registry error stands for; null for an error that is not about the reader's availability.</summary>
    internal static ReaderUnavailableReason? ReasonFor(Exception error) => error switch
    {
        AgentDisconnectedException or TimeoutException => ReaderUnavailableReason.AgentOffline,
        CardRemovedException => ReaderUnavailableReason.NoCard,
        AgentOperationException { Code: ErrorCodes.UnknownReader } => ReaderUnavailableReason.NoReader,
        AgentOperationException { Code: ErrorCodes.NoCard or ErrorCodes.Removed } => ReaderUnavailableReason.NoCard,
        AgentOperationException { Code: ErrorCodes.Busy } => ReaderUnavailableReason.Busy,

        // The registry's "cards in several readers, name one" (the exact type: not ObjectDisposedException and kin).
        _ when error.GetType() == typeof(InvalidOperationException) => ReaderUnavailableReason.SeveralCards,
        _ => null,
    };

    private void OnRegistryChanged(object? sender, AgentEventArgs change)
    {
        if (change.Agent.CounterId is { } counterId)
        {
            Changed?.Invoke(this, new CounterReaderChangedEventArgs(counterId));
        }
    }
}
