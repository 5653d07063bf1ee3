using CounterApp.Card.Connection;
using CounterApp.VirtualCard.InProcess;

namespace CounterApp.Web.Features.Readers;

/// <summary>
/// The embedded default's readers: every counter has one simulated reader (<see cref="ReaderName"/>) into which the
/// clerk "inserts" a resident's virtual card from the simulation panel. The card behaves as a real one does: a card
/// session holds the reader until its connection is disposed, and a card taken out mid-session fails the session with
/// <see cref="CardRemovedException"/>. Which card is in which reader is kept in memory (empty after a restart); the
/// cards themselves persist (<see cref="SimulatedCards"/>).
/// </summary>
public sealed class SimulatedCounterReaders(SimulatedCards cards) : ICounterReaders, IDisposable
{
    public const string ReaderName = "シミュレーション リーダー";

    private readonly Lock _gate = new();
    private readonly Dictionary<int, Slot> _slots = [];

    public event EventHandler<CounterReaderChangedEventArgs>? Changed;

    public SimulatedCards Cards { get; } = cards ?? throw new ArgumentNullException(nameof(cards));

    public CounterReaderState StateOf(int counterId)
    {
        lock (_gate)
        {
            var present = _slots.TryGetValue(counterId, out var slot) && slot.CardNumber is not null;
            return new CounterReaderState(AgentConnected: true, ReaderPresent: true, CardPresent: present, Simulated: true, ReaderName);
        }
    }

    /// <summary>The resident card number of the card in the counter's reader, or null when it is empty.</summary>
    public string? CardAt(int counterId)
    {
        lock (_gate)
        {
            return _slots.TryGetValue(counterId, out var slot) ? slot.CardNumber : null;
        }
    }

    /// <summary>Puts the resident card's virtual card into the counter's reader (one card per reader, one reader per card).</summary>
    public SimulatedReaderOutcome Insert(int counterId, string cardNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardNumber);
        lock (_gate)
        {
            var slot = SlotOf(counterId);
            if (slot.CardNumber is not null)
            {
                return SimulatedReaderOutcome.ReaderOccupied;
            }

            if (_slots.Values.Any(s => s.CardNumber == cardNumber))
            {
                return SimulatedReaderOutcome.CardInAnotherReader;
            }

            slot.Reader.Insert(Cards.Get(cardNumber));
            slot.CardNumber = cardNumber;
        }

        Changed?.Invoke(this, new CounterReaderChangedEventArgs(counterId));
        return SimulatedReaderOutcome.Inserted;
    }

    /// <summary>Takes the card out of the counter's reader; a session on it fails from its next command on.</summary>
    public SimulatedReaderOutcome Remove(int counterId)
    {
        lock (_gate)
        {
            if (!_slots.TryGetValue(counterId, out var slot) || slot.CardNumber is null)
            {
                return SimulatedReaderOutcome.ReaderEmpty;
            }

            slot.Reader.Remove();
            slot.CardNumber = null;
            slot.Session = null;
        }

        Changed?.Invoke(this, new CounterReaderChangedEventArgs(counterId));
        return SimulatedReaderOutcome.Removed;
    }

    public Task<ISmartCardConnection> OpenCardAsync(int counterId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_slots.TryGetValue(counterId, out var slot) || slot.CardNumber is null)
            {
                throw new ReaderUnavailableException(ReaderUnavailableReason.NoCard, counterId);
            }

            if (slot.Session is not null)
            {
                throw new ReaderUnavailableException(ReaderUnavailableReason.Busy, counterId);
            }

            var session = new SessionConnection(this, slot, slot.Reader.Connect());
            slot.Session = session;
            return Task.FromResult<ISmartCardConnection>(session);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var slot in _slots.Values)
            {
                slot.Reader.Dispose();
            }

            _slots.Clear();
        }
    }

    private Slot SlotOf(int counterId)
    {
        if (!_slots.TryGetValue(counterId, out var slot))
        {
            slot = new Slot(new VirtualCardReader(ReaderName));
            _slots[counterId] = slot;
        }

        return slot;
    }

    private void Release(Slot slot, SessionConnection session)
    {
        lock (_gate)
        {
            if (ReferenceEquals(slot.Session, session))
            {
                slot.Session = null;
            }
        }
    }

    private sealed class Slot(VirtualCardReader reader)
    {
        public VirtualCardReader Reader { get; } = reader;

        public string? CardNumber { get; set; }

        /// <summary>The open card session, which holds the reader until disposed (or the card is taken out).</summary>
        public SessionConnection? Session { get; set; }
    }

    /// <summary>The virtual reader's connection, releasing the counter's reader when disposed.</summary>
    private sealed class SessionConnection(SimulatedCounterReaders owner, Slot slot, ISmartCardConnection inner) : ISmartCardConnection
    {
        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default) =>
            inner.TransmitAsync(command, cancellationToken);

        public Task<ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
            inner.BeginTransactionAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            owner.Release(slot, this);
        }
    }
}

/// <summary>What came of a simulated insert or remove (the panel words it from ReaderText "Outcome_…").</summary>
public enum SimulatedReaderOutcome
{
    Inserted,
    Removed,

    /// <summary>The counters use reader agents; there is nothing to simulate.</summary>
    NotSimulated,
    UnknownCounter,
    UnknownCard,

    /// <summary>Another card is in this counter's reader; take it out first.</summary>
    ReaderOccupied,

    /// <summary>The card is in another counter's reader (a card is in one place at a time).</summary>
    CardInAnotherReader,
    ReaderEmpty,
}
