using System.Security.Cryptography;
using CounterApp.Card.Connection;
using CounterApp.Card.AgentProtocol;

namespace CounterApp.Web.Agents;

/// <summary>
/// A card in a reader at a counter PC, driven through its reader agent: the <see cref="ISmartCardConnection"/> that
/// <see cref="Card.Client.ResidentCardClient"/> uses for a counter's card session. The agent holds the reader
/// exclusively for this session and resets the card when it ends (dispose), or when the connection drops.
/// Errors: a removed card <see cref="CardRemovedException"/>, a reset one <see cref="CardResetException"/>, a lost
/// agent <see cref="AgentDisconnectedException"/>, no answer in time <see cref="TimeoutException"/> (the session is
/// then closed), anything else <see cref="AgentOperationException"/>.
/// </summary>
public sealed class RemoteCardConnection : ISmartCardConnection
{
    private const string ErrorCodesBadReply = "bad-reply";
    private readonly AgentChannel _channel;
    private readonly int _session;
    private bool _inTransaction;
    private bool _broken;
    private int _disposed;

    internal RemoteCardConnection(AgentChannel channel, int session, string reader, byte[]? atr)
    {
        _channel = channel;
        _session = session;
        Reader = reader;
        Atr = atr is { Length: > 0 } ? Convert.ToHexString(atr) : null;
    }

    public long AgentId => _channel.AgentId;

    public string AgentName => _channel.Name;

    public string Reader { get; }

    /// <summary>The card's ATR in hex, when the agent reported it.</summary>
    public string? Atr { get; }

    public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        var apdu = command.ToArray();
        try
        {
            var answer = await RequestAsync(new AgentMessage { Type = MessageTypes.Transmit, Apdu = apdu }, cancellationToken);
            return answer.Apdu is { Length: >= 2 } response
                ? response
                : throw new AgentOperationException(ErrorCodesBadReply, "The agent answered a transmit without a response APDU.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(apdu);
        }
    }

    public async Task<ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (_inTransaction)
        {
            throw new InvalidOperationException("Transactions do not nest.");
        }

        var answer = await RequestAsync(new AgentMessage { Type = MessageTypes.Begin }, cancellationToken);
        _inTransaction = true;
        return new Transaction(this, answer.Reset == true);
    }

    /// <summary>Closes the session: the agent releases the reader and resets the card. Never throws for a lost agent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await CloseSessionAsync();
    }

    internal static Exception ErrorFor(AgentMessage answer) => answer.Error switch
    {
        ErrorCodes.Removed or ErrorCodes.NoCard => new CardRemovedException(answer.Message ?? "The card was removed from the reader."),
        ErrorCodes.Reset => new CardResetException(answer.Message ?? "The card was reset."),
        ErrorCodes.Timeout => new TimeoutException($"The reader agent timed out: {answer.Message}"),
        _ => new AgentOperationException(answer.Error ?? ErrorCodes.Failed, answer.Message ?? "The reader agent refused the request."),
    };

    private async Task<AgentMessage> RequestAsync(AgentMessage request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        if (_broken)
        {
            throw new AgentOperationException(ErrorCodes.NoSession, "The card session was closed after an operation timed out; open a new one.");
        }

        request.Session = _session;
        AgentMessage answer;
        try
        {
            answer = await _channel.RequestAsync(request, cancellationToken);
        }
        catch (TimeoutException)
        {
            _broken = true;
            _ = CloseSessionAsync();
            throw;
        }

        if (answer.Type == MessageTypes.Error)
        {
            if (answer.Error is ErrorCodes.Timeout or ErrorCodes.NoSession)
            {
                _broken = true;
            }

            throw ErrorFor(answer);
        }

        return answer;
    }

    private async Task CloseSessionAsync()
    {
        if (_channel.IsClosed)
        {
            return; // the agent closed every session when the connection ended
        }

        try
        {
            await _channel.RequestAsync(new AgentMessage { Type = MessageTypes.Close, Session = _session }, CancellationToken.None);
        }
        catch (Exception e) when (e is AgentDisconnectedException or TimeoutException)
        {
            // Gone with the connection, or the agent closes it itself once the stuck call returns.
        }
    }

    private async Task EndTransactionAsync()
    {
        _inTransaction = false;
        if (_disposed == 1 || _broken || _channel.IsClosed)
        {
            return;
        }

        try
        {
            await RequestAsync(new AgentMessage { Type = MessageTypes.End }, CancellationToken.None);
        }
        catch (Exception e) when (e is AgentDisconnectedException or CardRemovedException or CardResetException or TimeoutException or AgentOperationException)
        {
            // A transaction on a card that is gone, reset or unreachable has nothing left to release.
        }
    }

    private sealed class Transaction(RemoteCardConnection owner, bool cardWasReset) : ISmartCardTransaction
    {
        private int _ended;

        public bool CardWasReset { get; } = cardWasReset;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                await owner.EndTransactionAsync();
            }
        }
    }
}
