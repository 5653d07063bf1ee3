using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CounterApp.Card.Connection;
using CounterApp.Card.AgentProtocol;

namespace CounterApp.Web.Agents;

/// <summary>
/// The reader agents connected now, in memory: their counters, readers and cards, and the way to a card at a counter
/// (<see cref="OpenCardAtCounterAsync"/>). One connection per agent; a newer one replaces the older. Nothing here is
/// persisted: after a server restart the agents reconnect and report again.
/// </summary>
public sealed partial class AgentRegistry(ILogger<AgentRegistry> logger)
{
    private readonly ConcurrentDictionary<long, AgentChannel> _channels = new();

    /// <summary>Raised on the connection's thread after a change; handlers must be quick and must not throw.</summary>
    public event EventHandler<AgentEventArgs>? Changed;

    public IReadOnlyList<ConnectedAgent> ConnectedAgents =>
        [.. _channels.Values.Select(c => c.Snapshot()).OrderBy(a => a.Name, StringComparer.Ordinal)];

    public ConnectedAgent? Find(long agentId) => _channels.TryGetValue(agentId, out var channel) ? channel.Snapshot() : null;

    /// <summary>The agents bound to a counter (usually one) with their readers and card-present state.</summary>
    public IReadOnlyList<ConnectedAgent> AtCounter(int counterId) =>
        [.. _channels.Values.Where(c => c.CounterId == counterId).Select(c => c.Snapshot())];

    /// <summary>
    /// Opens a card session on the card at a counter: in <paramref name="reader"/> when given, otherwise in the one
    /// reader of the counter's agents that holds a card. The agent holds that reader exclusively until the returned
    /// connection is disposed.
    /// </summary>
    /// <exception cref="AgentDisconnectedException">No agent of that counter is connected.</exception>
    /// <exception cref="CardRemovedException">No card in any reader (or in the named one).</exception>
    /// <exception cref="InvalidOperationException">Several readers hold a card and none was named.</exception>
    public Task<RemoteCardConnection> OpenCardAtCounterAsync(int counterId, string? reader = null, CancellationToken cancellationToken = default)
    {
        var channels = _channels.Values.Where(c => c.CounterId == counterId && !c.IsClosed).ToArray();
        if (channels.Length == 0)
        {
            throw new AgentDisconnectedException($"No reader agent is connected for counter {counterId}.");
        }

        var candidates = channels
            .SelectMany(c => c.Snapshot().Readers.Where(r => reader is null ? r.CardPresent : r.Name == reader).Select(r => (Channel: c, Reader: r)))
            .ToArray();
        return candidates switch
        {
            [] when reader is not null => throw new AgentOperationException(ErrorCodes.UnknownReader, $"No reader {reader} at counter {counterId}."),
            [] => throw new CardRemovedException($"No card is in a reader at counter {counterId}."),
            [var only] => OpenAsync(only.Channel, only.Reader.Name, cancellationToken),
            _ when reader is not null => OpenAsync(candidates[0].Channel, reader, cancellationToken),
            _ => throw new InvalidOperationException($"Counter {counterId} has cards in {candidates.Length} readers; name the reader."),
        };
    }

    /// <summary>Opens a card session on a named reader of a connected agent.</summary>
    /// <exception cref="AgentDisconnectedException">The agent is not connected.</exception>
    public Task<RemoteCardConnection> OpenCardAsync(long agentId, string reader, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reader);
        return _channels.TryGetValue(agentId, out var channel)
            ? OpenAsync(channel, reader, cancellationToken)
            : throw new AgentDisconnectedException($"Reader agent {agentId} is not connected.");
    }

    internal void Add(AgentChannel channel)
    {
        AgentChannel? replaced = null;
        _channels.AddOrUpdate(channel.AgentId, channel, (_, old) =>
        {
            replaced = old;
            return channel;
        });
        replaced?.Close("replaced by a newer connection of the same agent");
        Notify(channel, AgentEventKind.Connected, null);
    }

    internal void Remove(AgentChannel channel)
    {
        if (_channels.TryRemove(new KeyValuePair<long, AgentChannel>(channel.AgentId, channel)))
        {
            Raise(new AgentEventArgs(AgentEventKind.Disconnected, channel.Snapshot(), null));
        }
    }

    /// <summary>Closes every connection (the server is stopping: agents reconnect with backoff, and shutdown need not wait for them).</summary>
    internal void CloseAll(string reason)
    {
        foreach (var channel in _channels.Values)
        {
            channel.Close(reason);
        }
    }

    /// <summary>Closes the agent's live connection, if any (revocation).</summary>
    internal void Disconnect(long agentId, string reason)
    {
        if (_channels.TryGetValue(agentId, out var channel))
        {
            channel.Close(reason);
        }
    }

    internal void Notify(AgentChannel channel, AgentEventKind kind, string? reader)
    {
        if (_channels.TryGetValue(channel.AgentId, out var current) && ReferenceEquals(current, channel))
        {
            Raise(new AgentEventArgs(kind, channel.Snapshot(), reader));
        }
    }

    private static async Task<RemoteCardConnection> OpenAsync(AgentChannel channel, string reader, CancellationToken cancellationToken)
    {
        var session = channel.NextSessionId();
        var answer = await channel.RequestAsync(new AgentMessage { Type = MessageTypes.Open, Session = session, Reader = reader }, cancellationToken);
        return answer.Type == MessageTypes.Error
            ? throw RemoteCardConnection.ErrorFor(answer)
            : new RemoteCardConnection(channel, session, reader, answer.Atr);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A subscriber's failure must not end an agent's connection; it is logged.")]
    private void Raise(AgentEventArgs change)
    {
        try
        {
            Changed?.Invoke(this, change);
        }
        catch (Exception e)
        {
            LogHandlerFailed(logger, change.Kind, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An agent registry subscriber failed on {Kind}")]
    private static partial void LogHandlerFailed(ILogger logger, AgentEventKind kind, Exception exception);
}
