using System.Runtime.CompilerServices;
using CounterApp.Card.Connection;
using CounterApp.Card.Pcsc;
using CounterApp.ReaderAgent.Readers;
using CounterApp.VirtualCard;
using CounterApp.VirtualCard.InProcess;

namespace CounterApp.ReaderAgent.Tests.Support;

/// <summary>
/// In-process readers for the agent (no pcscd): <see cref="VirtualCardReader"/>s whose insert/remove events become
/// the agent's reader snapshots. A test can hold GENERATE KEY PAIR (INS 47) at the reader, to cut the connection
/// or let the agent's timeout fire while the card is "busy".
/// </summary>
public sealed class VirtualReaders : ICardReaderSource, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<VirtualCardReader> _readers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public VirtualReaders(params string[] names)
    {
        foreach (var name in names)
        {
            var reader = new VirtualCardReader(name);
            reader.CardChanged += (_, _) => Signal();
            _readers.Add(reader);
        }
    }

    /// <summary>When set, GENERATE KEY PAIR waits for it (after <see cref="KeyGenerationStarted"/> fires).</summary>
    public TaskCompletionSource? HoldKeyGeneration { get; set; }

    public TaskCompletionSource KeyGenerationStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public VirtualCardReader this[string name] => _readers.Single(r => r.Name == name);

    public void Insert(string reader, VirtualResidentCard card) => this[reader].Insert(card);

    public void Remove(string reader) => this[reader].Remove();

    public async IAsyncEnumerable<IReadOnlyList<ReaderSnapshot>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            yield return [.. _readers.Select(r => new ReaderSnapshot(r.Name, r.Card is not null, r.Card is null ? ReadOnlyMemory<byte>.Empty : VirtualResidentCard.Atr))];
            await changed.WaitAsync(cancellationToken);
        }
    }

    public Task<ISmartCardConnection> ConnectAsync(string reader, CancellationToken cancellationToken)
    {
        var virtualReader = _readers.SingleOrDefault(r => r.Name == reader)
            ?? throw new PcscException("SCardConnect", PcscError.UnknownReader);
        return Task.FromResult<ISmartCardConnection>(new HeldConnection(virtualReader.Connect(), this));
    }

    public void Dispose()
    {
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private sealed class HeldConnection(ISmartCardConnection inner, VirtualReaders owner) : ISmartCardConnection
    {
        public async Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
        {
            if (command.Length >= 2 && command.Span[1] == 0x47 && owner.HoldKeyGeneration is { } hold)
            {
                owner.KeyGenerationStarted.TrySetResult();
                await hold.Task;
            }

            return await inner.TransmitAsync(command, cancellationToken);
        }

        public Task<ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
            inner.BeginTransactionAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
