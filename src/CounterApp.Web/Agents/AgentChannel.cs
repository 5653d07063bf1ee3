using System.Collections.Concurrent;
using System.Net.WebSockets;
using CounterApp.Card.AgentProtocol;

namespace CounterApp.Web.Agents;

/// <summary>
/// The server's end of one authenticated agent connection: reads the agent's messages (reader reports, answers),
/// sends card requests and matches answers by id. When the connection ends, every pending request fails with
/// <see cref="AgentDisconnectedException"/> at once, so a card step never waits on a dead agent.
/// </summary>
internal sealed partial class AgentChannel : IDisposable
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);
    private readonly MessageSocket _socket;
    private readonly TimeSpan _operationTimeout;
    private readonly Action<AgentChannel, AgentEventKind, string?> _notify;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<AgentMessage>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private List<AgentReader> _readers = [];
    private long _nextRequest;
    private int _nextSession;
    private volatile bool _closed;

    public AgentChannel(MessageSocket socket, AgentAdmission admission, DateTimeOffset connectedAt, TimeSpan operationTimeout, Action<AgentChannel, AgentEventKind, string?> notify, ILogger logger)
    {
        _socket = socket;
        AgentId = admission.AgentId;
        Name = admission.Name;
        CounterId = admission.CounterId;
        ConnectedAt = connectedAt;
        _operationTimeout = operationTimeout;
        _notify = notify;
        _logger = logger;
    }

    public long AgentId { get; }

    public string Name { get; }

    public int? CounterId { get; }

    public DateTimeOffset ConnectedAt { get; }

    public bool IsClosed => _closed;

    public ConnectedAgent Snapshot()
    {
        lock (_gate)
        {
            return new ConnectedAgent(AgentId, Name, CounterId, ConnectedAt, [.. _readers]);
        }
    }

    /// <summary>Reads until the agent closes, the connection fails, or <see cref="Close"/>; then fails what is pending.</summary>
    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _stop.Token);
        try
        {
            while (true)
            {
                var message = await _socket.ReceiveAsync(stop.Token);
                if (message is null)
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    LogClosedByAgent(_logger, AgentId, Name);
                    return;
                }

                Handle(message);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Closed by the server (revocation, a newer connection) or the host is stopping.
        }
        catch (InvalidDataException e)
        {
            LogProtocolError(_logger, AgentId, Name, e);
            await _socket.CloseAsync(WebSocketCloseStatus.ProtocolError, "protocol error", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            LogConnectionLost(_logger, AgentId, Name, e.Message);
        }
        finally
        {
            MarkClosed();
        }
    }

    /// <summary>Sends one request and waits for its answer (a <c>result</c> or an <c>error</c> message).</summary>
    /// <exception cref="AgentDisconnectedException">The connection is gone or ended before the answer.</exception>
    /// <exception cref="TimeoutException">No answer within the operation timeout.</exception>
    public async Task<AgentMessage> RequestAsync(AgentMessage request, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextRequest);
        request.Id = id;
        var answer = new TaskCompletionSource<AgentMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        try
        {
            if (_closed)
            {
                throw Disconnected();
            }

            await _socket.SendAsync(request, cancellationToken);
            return await answer.Task.WaitAsync(_operationTimeout, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException && e is not AgentDisconnectedException)
        {
            throw Disconnected(e);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The reader agent {Name} did not answer within {_operationTimeout.TotalSeconds:0} s.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public int NextSessionId() => Interlocked.Increment(ref _nextSession);

    /// <summary>Ends the connection from the server's side (revocation, a newer connection of the same agent).</summary>
    public void Close(string reason)
    {
        LogClosing(_logger, AgentId, Name, reason);
        _ = CloseAsync(reason);
    }

    private async Task CloseAsync(string reason)
    {
        using var limit = new CancellationTokenSource(CloseGrace);
        await _socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, reason, limit.Token);

        // The agent answers the close and the read loop ends; if it does not, stop reading anyway.
        try
        {
            _stop.CancelAfter(CloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile.
        }
    }

    public void Dispose() => _stop.Dispose();

    private void Handle(AgentMessage message)
    {
        switch (message.Type)
        {
            case MessageTypes.Result or MessageTypes.Error:
                if (message.Id is { } id && _pending.TryRemove(id, out var answer))
                {
                    answer.TrySetResult(message);
                }

                break;
            case MessageTypes.Readers:
                lock (_gate)
                {
                    _readers = [.. (message.Readers ?? []).Select(r => new AgentReader(r.Name, r.Present, Hex(r.Atr)))];
                }

                _notify(this, AgentEventKind.ReadersChanged, null);
                break;
            case MessageTypes.Card when message.Reader is { } reader && message.Present is { } present:
                lock (_gate)
                {
                    var updated = new AgentReader(reader, present, present ? Hex(message.Atr) : null);
                    var index = _readers.FindIndex(r => r.Name == reader);
                    _readers = index < 0 ? [.. _readers, updated] : [.. _readers[..index], updated, .. _readers[(index + 1)..]];
                }

                LogCard(_logger, AgentId, reader, present);
                _notify(this, present ? AgentEventKind.CardInserted : AgentEventKind.CardRemoved, reader);
                break;
            default:
                LogIgnored(_logger, AgentId, message.Type);
                break;
        }
    }

    private void MarkClosed()
    {
        _closed = true;
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var answer))
            {
                answer.TrySetException(Disconnected());
            }
        }
    }

    private AgentDisconnectedException Disconnected(Exception? inner = null)
    {
        var message = $"The reader agent {Name} (#{AgentId}) disconnected; the card operation did not complete.";
        return inner is null ? new AgentDisconnectedException(message) : new AgentDisconnectedException(message, inner);
    }

    private static string? Hex(byte[]? bytes) => bytes is { Length: > 0 } ? Convert.ToHexString(bytes) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader agent {AgentId} ({Name}) closed its connection")]
    private static partial void LogClosedByAgent(ILogger logger, long agentId, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reader agent {AgentId} ({Name}) connection lost: {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, long agentId, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reader agent {AgentId} ({Name}) broke the protocol; closing")]
    private static partial void LogProtocolError(ILogger logger, long agentId, string name, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing reader agent {AgentId} ({Name}): {Reason}")]
    private static partial void LogClosing(ILogger logger, long agentId, string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader agent {AgentId}: {Reader} card present {Present}")]
    private static partial void LogCard(ILogger logger, long agentId, string reader, bool present);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reader agent {AgentId} sent an unexpected {Type}; ignored")]
    private static partial void LogIgnored(ILogger logger, long agentId, string type);
}

/// <summary>An agent the handshake admitted.</summary>
internal sealed record AgentAdmission(long AgentId, string Name, int? CounterId);
