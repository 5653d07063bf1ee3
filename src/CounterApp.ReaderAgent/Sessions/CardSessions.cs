using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using CounterApp.Card.Connection;
using CounterApp.Card.Pcsc;
using CounterApp.Card.AgentProtocol;
using CounterApp.ReaderAgent.Readers;

namespace CounterApp.ReaderAgent.Sessions;

/// <summary>
/// The server's requests on one connection: <c>open</c>, <c>transmit</c>, <c>begin</c>, <c>end</c>, <c>close</c>.
/// Each request runs on its own task so a slow card never stops the connection from reading; each card session
/// runs its operations one at a time. One session per reader. When the connection ends, every session is closed,
/// which resets the cards, so nothing verified or authenticated outlives the server's session.
/// </summary>
internal sealed partial class CardSessions(ICardReaderSource readers, MessageSocket socket, TimeSpan timeout, ILogger logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, CardSession> _sessions = [];
    private readonly HashSet<string> _readersInUse = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _running = [];
    private bool _closed;

    /// <summary>Starts handling a request; its result or error is sent when done.</summary>
    public void Dispatch(AgentMessage request)
    {
        var task = HandleAsync(request);
        lock (_gate)
        {
            if (!task.IsCompleted)
            {
                _running.Add(task);
            }
        }

        _ = task.ContinueWith(t => { lock (_gate) { _running.Remove(t); } }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        CardSession[] sessions;
        Task[] running;
        lock (_gate)
        {
            _closed = true;
            sessions = [.. _sessions.Values];
            _sessions.Clear();
            running = [.. _running];
        }

        await Task.WhenAll(sessions.Select(s => s.CloseAsync()));
        await Task.WhenAll(running).WaitAsync(timeout).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever goes wrong with one request is answered to the server as an error; the connection carries on.")]
    private async Task HandleAsync(AgentMessage request)
    {
        AgentMessage reply;
        try
        {
            reply = request.Type switch
            {
                MessageTypes.Open => await OpenAsync(request),
                MessageTypes.Transmit => await TransmitAsync(request),
                MessageTypes.Begin => new AgentMessage { Type = MessageTypes.Result, Reset = await SessionFor(request).BeginTransactionAsync() },
                MessageTypes.End => await EndAsync(request),
                MessageTypes.Close => await CloseAsync(request),
                _ => Error(ErrorCodes.BadRequest, $"Unknown message type \"{request.Type}\"."),
            };
        }
        catch (Exception e)
        {
            reply = ErrorFor(request, e);
            if (reply.Error is ErrorCodes.Failed)
            {
                LogRequestFailed(logger, request.Type, e);
            }
        }
        finally
        {
            if (request.Apdu is { } command)
            {
                CryptographicOperations.ZeroMemory(command);
            }
        }

        reply.Id = request.Id;
        try
        {
            await socket.SendAsync(reply, CancellationToken.None);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The connection is gone; the server has failed the request already.
        }
        finally
        {
            if (reply.Apdu is { } response)
            {
                CryptographicOperations.ZeroMemory(response);
            }
        }
    }

    private async Task<AgentMessage> OpenAsync(AgentMessage request)
    {
        if (request.Session is not { } id || string.IsNullOrEmpty(request.Reader))
        {
            return Error(ErrorCodes.BadRequest, "open needs a session id and a reader.");
        }

        var reader = request.Reader;
        lock (_gate)
        {
            if (_closed || _sessions.ContainsKey(id))
            {
                return Error(ErrorCodes.BadRequest, $"Session {id} exists already.");
            }

            if (!_readersInUse.Add(reader))
            {
                return Error(ErrorCodes.Busy, $"{reader} already serves a card session.");
            }
        }

        try
        {
            var connection = await ConnectAsync(reader);
            var atr = connection is PcscConnection pcsc ? pcsc.GetAtr() : null;
            lock (_gate)
            {
                if (!_closed)
                {
                    _sessions.Add(id, new CardSession(id, reader, connection, timeout));
                    LogSessionOpened(logger, id, reader);
                    return new AgentMessage { Type = MessageTypes.Result, Session = id, Reader = reader, Atr = atr };
                }
            }

            await connection.DisposeAsync();
            return Error(ErrorCodes.NoSession, "The connection is closing.");
        }
        catch
        {
            lock (_gate)
            {
                _readersInUse.Remove(reader);
            }

            throw;
        }
    }

    private async Task<ISmartCardConnection> ConnectAsync(string reader)
    {
        using var limit = new CancellationTokenSource(timeout);
        var connecting = readers.ConnectAsync(reader, limit.Token);
        try
        {
            return await connecting.WaitAsync(timeout);
        }
        catch (TimeoutException) when (!connecting.IsCompleted)
        {
            // A connection that arrives after all must not keep the reader.
            _ = connecting.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.DisposeAsync().AsTask() : Task.CompletedTask, TaskScheduler.Default).Unwrap();
            throw;
        }
    }

    private async Task<AgentMessage> TransmitAsync(AgentMessage request)
    {
        if (request.Apdu is not { Length: > 0 } command)
        {
            return Error(ErrorCodes.BadRequest, "transmit needs an APDU.");
        }

        var response = await SessionFor(request).TransmitAsync(command);
        return new AgentMessage { Type = MessageTypes.Result, Apdu = response };
    }

    private async Task<AgentMessage> EndAsync(AgentMessage request)
    {
        await SessionFor(request).EndTransactionAsync();
        return new AgentMessage { Type = MessageTypes.Result };
    }

    private async Task<AgentMessage> CloseAsync(AgentMessage request)
    {
        CardSession? session;
        lock (_gate)
        {
            if (request.Session is { } id && _sessions.Remove(id, out session))
            {
                _readersInUse.Remove(session.Reader);
            }
            else
            {
                session = null;
            }
        }

        if (session is not null)
        {
            await session.CloseAsync();
            LogSessionClosed(logger, session.Id, session.Reader);
        }

        return new AgentMessage { Type = MessageTypes.Result };
    }

    private CardSession SessionFor(AgentMessage request)
    {
        lock (_gate)
        {
            return request.Session is { } id && _sessions.TryGetValue(id, out var session)
                ? session
                : throw new ObjectDisposedException(nameof(CardSession), $"No card session {request.Session}.");
        }
    }

    private static AgentMessage Error(string code, string message) =>
        new() { Type = MessageTypes.Error, Error = code, Message = message };

    private static AgentMessage ErrorFor(AgentMessage request, Exception e) => e switch
    {
        CardRemovedException => Error(request.Type == MessageTypes.Open ? ErrorCodes.NoCard : ErrorCodes.Removed, e.Message),
        CardResetException => Error(ErrorCodes.Reset, e.Message),
        TimeoutException or OperationCanceledException => Error(ErrorCodes.Timeout, e.Message),
        ObjectDisposedException => Error(ErrorCodes.NoSession, e.Message),
        PcscException p => p.ErrorCode switch
        {
            PcscError.NoSmartCard or PcscError.RemovedCard or PcscError.UnpoweredCard or PcscError.UnresponsiveCard =>
                Error(request.Type == MessageTypes.Open ? ErrorCodes.NoCard : ErrorCodes.Removed, e.Message),
            PcscError.UnknownReader => Error(ErrorCodes.UnknownReader, e.Message),
            PcscError.ReaderUnavailable => Error(request.Type == MessageTypes.Open ? ErrorCodes.UnknownReader : ErrorCodes.Removed, e.Message),
            PcscError.SharingViolation => Error(ErrorCodes.Busy, e.Message),
            _ => Error(ErrorCodes.Failed, e.Message),
        },
        _ => Error(ErrorCodes.Failed, $"{e.GetType().Name}: {e.Message}"),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Card session {Session} opened on {Reader}")]
    private static partial void LogSessionOpened(ILogger logger, int session, string reader);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card session {Session} on {Reader} closed")]
    private static partial void LogSessionClosed(ILogger logger, int session, string reader);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Type} request failed")]
    private static partial void LogRequestFailed(ILogger logger, string type, Exception exception);
}
