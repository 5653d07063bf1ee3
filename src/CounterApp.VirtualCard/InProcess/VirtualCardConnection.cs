using CounterApp.Card.Connection;

namespace CounterApp.VirtualCard.InProcess;

/// <summary>
/// An <see cref="ISmartCardConnection"/> to a card in a <see cref="VirtualCardReader"/>. Like PC/SC, it notices
/// a reset by someone else on the next exchange and a removed card on any call.
/// </summary>
internal sealed class VirtualCardConnection : ISmartCardConnection
{
    private readonly VirtualCardReader _reader;
    private readonly VirtualResidentCard _card;
    private readonly bool _resetOnClose;
    private int _seenResets;
    private bool _inTransaction;
    private bool _disposed;

    public VirtualCardConnection(VirtualCardReader reader, VirtualResidentCard card, bool resetOnClose)
    {
        _reader = reader;
        _card = card;
        _resetOnClose = resetOnClose;
        _seenResets = card.ResetCount;
    }

    public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_inTransaction)
        {
            return Exchange(command.Span);
        }

        await _reader.TransactionLock.WaitAsync(cancellationToken);
        try
        {
            return Exchange(command.Span);
        }
        finally
        {
            _reader.TransactionLock.Release();
        }
    }

    public async Task<ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_inTransaction)
        {
            throw new InvalidOperationException("Transactions do not nest.");
        }

        await _reader.TransactionLock.WaitAsync(cancellationToken);
        try
        {
            EnsurePresent();
            var wasReset = _card.ResetCount != _seenResets;
            _seenResets = _card.ResetCount;
            _inTransaction = true;
            return new Transaction(this, wasReset);
        }
        catch
        {
            _reader.TransactionLock.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (_inTransaction)
        {
            await EndTransactionAsync();
        }

        _disposed = true;
        if (_resetOnClose && ReferenceEquals(_reader.Card, _card))
        {
            _card.Reset();
        }
    }

    private byte[] Exchange(ReadOnlySpan<byte> command)
    {
        EnsurePresent();
        if (_card.ResetCount != _seenResets)
        {
            _seenResets = _card.ResetCount;
            throw new CardResetException();
        }

        return _card.Process(command);
    }

    private void EnsurePresent()
    {
        if (!ReferenceEquals(_reader.Card, _card))
        {
            throw new CardRemovedException($"Card {_card.Serial} is no longer in {_reader.Name}.");
        }
    }

    private ValueTask EndTransactionAsync()
    {
        if (_inTransaction)
        {
            _inTransaction = false;
            _reader.TransactionLock.Release();
        }

        return ValueTask.CompletedTask;
    }

    private sealed class Transaction(VirtualCardConnection owner, bool cardWasReset) : ISmartCardTransaction
    {
        private int _ended;

        public bool CardWasReset { get; } = cardWasReset;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _ended, 1) == 0 ? owner.EndTransactionAsync() : ValueTask.CompletedTask;
    }
}
