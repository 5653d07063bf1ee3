using CounterApp.Card.Connection;

namespace CounterApp.Card.Pcsc;

/// <summary>
/// A card in a PC/SC reader, connected with T=1 (exclusive by default) through its own context.
/// Calls are synchronous underneath and serialised; a reset by another application is noticed on the next
/// exchange (SCARD_W_RESET_CARD), the handle is reconnected, and the caller learns it through
/// <see cref="CardResetException"/> or <see cref="ISmartCardTransaction.CardWasReset"/>.
/// </summary>
public sealed class PcscConnection : ISmartCardConnection, IDisposable
{
    private readonly Lock _gate = new();

    // Room for any response (a transmitted command cannot be repeated to fetch a longer answer).
    private readonly byte[] _receive = new byte[PcscConstants.MaxResponseSize];
    private readonly PcscContext _context;
    private readonly PcscShareMode _shareMode;
    private readonly uint _protocol;
    private readonly bool _resetOnClose;
    private nint _card;

    private PcscConnection(PcscContext context, string reader, PcscShareMode shareMode, nint card, uint protocol, bool resetOnClose)
    {
        _context = context;
        Reader = reader;
        _shareMode = shareMode;
        _card = card;
        _protocol = protocol;
        _resetOnClose = resetOnClose;
    }

    public string Reader { get; }

    /// <summary>
    /// Connects to the card in <paramref name="reader"/>. With <paramref name="resetOnClose"/> (the default)
    /// disposing resets the card, so no verified password or issuer authentication outlives the session.
    /// </summary>
    /// <exception cref="PcscException">No card (SCARD_E_NO_SMARTCARD), another holder (SCARD_E_SHARING_VIOLATION), …</exception>
    public static PcscConnection Open(string reader, PcscShareMode shareMode = PcscShareMode.Exclusive, bool resetOnClose = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(reader);
        var context = PcscContext.Establish();
        try
        {
            var rc = context.Api.Connect(context.Handle, reader, (uint)shareMode, PcscConstants.ProtocolT1, out var card, out var protocol);
            PcscException.ThrowIfFailed("SCardConnect", rc);
            return new PcscConnection(context, reader, shareMode, card, protocol, resetOnClose);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>The card's answer to reset.</summary>
    public byte[] GetAtr()
    {
        lock (_gate)
        {
            var rc = _context.Api.Status(Card, out _, out _, out var atr);
            ThrowForCardState("SCardStatus", rc);
            return atr;
        }
    }

    public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var send = command.ToArray();
        try
        {
            lock (_gate)
            {
                var rc = _context.Api.Transmit(Card, _protocol, send, send.Length, _receive, out var length);
                ThrowForCardState("SCardTransmit", rc);
                return Task.FromResult(_receive.AsSpan(0, length).ToArray());
            }
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(send);
        }
    }

    public Task<ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var rc = _context.Api.BeginTransaction(Card);
            var wasReset = false;
            if (rc == PcscError.ResetCard)
            {
                Reconnect();
                wasReset = true;
                rc = _context.Api.BeginTransaction(Card);
            }

            ThrowForCardState("SCardBeginTransaction", rc);
            return Task.FromResult<ISmartCardTransaction>(new Transaction(this, wasReset));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_card != 0)
            {
                _context.Api.Disconnect(_card, _resetOnClose ? PcscConstants.ResetCard : PcscConstants.LeaveCard);
                _card = 0;
            }

            _context.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private nint Card
    {
        get
        {
            ObjectDisposedException.ThrowIf(_card == 0, this);
            return _card;
        }
    }

    private void ThrowForCardState(string call, uint rc)
    {
        switch (rc)
        {
            case PcscError.Success:
                return;
            case PcscError.ResetCard:
                Reconnect();
                throw new CardResetException();
            case PcscError.RemovedCard or PcscError.NoSmartCard or PcscError.ReaderUnavailable:
                throw new CardRemovedException($"{call}: {PcscError.Name(rc)}.");
            default:
                throw new PcscException(call, rc);
        }
    }

    private void Reconnect()
    {
        var rc = _context.Api.Reconnect(_card, (uint)_shareMode, PcscConstants.ProtocolT1, PcscConstants.LeaveCard, out _);
        if (rc is PcscError.RemovedCard or PcscError.NoSmartCard)
        {
            throw new CardRemovedException($"SCardReconnect: {PcscError.Name(rc)}.");
        }

        PcscException.ThrowIfFailed("SCardReconnect", rc);
    }

    private void EndTransaction()
    {
        lock (_gate)
        {
            if (_card != 0)
            {
                // The transaction may already be gone with a reset or removal; nothing is left to release then.
                _context.Api.EndTransaction(_card, PcscConstants.LeaveCard);
            }
        }
    }

    private sealed class Transaction(PcscConnection owner, bool cardWasReset) : ISmartCardTransaction
    {
        private int _ended;

        public bool CardWasReset { get; } = cardWasReset;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                owner.EndTransaction();
            }

            return ValueTask.CompletedTask;
        }
    }
}
