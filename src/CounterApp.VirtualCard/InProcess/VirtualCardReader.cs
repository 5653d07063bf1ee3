using CounterApp.Card.Connection;

namespace CounterApp.VirtualCard.InProcess;

/// <summary>
/// A simulated reader in this process: holds at most one <see cref="VirtualResidentCard"/> and hands out
/// <see cref="ISmartCardConnection"/>s to it, with PC/SC's transaction and reset semantics. Used by unit
/// tests and by the web app's simulated reader (embedded default).
/// </summary>
public sealed class VirtualCardReader(string name = "CounterApp Virtual Reader") : IDisposable
{
    private readonly Lock _gate = new();
    private VirtualResidentCard? _card;

    public string Name { get; } = name;

    /// <summary>Raised after a card is inserted (the card) or removed (null).</summary>
    public event EventHandler<VirtualResidentCard?>? CardChanged;

    public VirtualResidentCard? Card
    {
        get
        {
            lock (_gate)
            {
                return _card;
            }
        }
    }

    internal SemaphoreSlim TransactionLock { get; } = new(1, 1);

    /// <summary>Inserts a card; it powers up fresh (no selection, nothing verified).</summary>
    public void Insert(VirtualResidentCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        lock (_gate)
        {
            if (_card is not null)
            {
                throw new InvalidOperationException($"{Name} already holds card {_card.Serial}.");
            }

            card.Reset();
            _card = card;
        }

        CardChanged?.Invoke(this, card);
    }

    public void Remove()
    {
        VirtualResidentCard? removed;
        lock (_gate)
        {
            removed = _card;
            _card = null;
        }

        if (removed is not null)
        {
            removed.PowerOff();
            CardChanged?.Invoke(this, null);
        }
    }

    /// <summary>Connects to the card in the reader; disposing resets the card unless <paramref name="resetOnClose"/> is false.</summary>
    /// <exception cref="CardRemovedException">The reader is empty.</exception>
    public ISmartCardConnection Connect(bool resetOnClose = true) =>
        new VirtualCardConnection(this, Card ?? throw new CardRemovedException($"{Name} holds no card."), resetOnClose);

    public void Dispose() => TransactionLock.Dispose();
}
