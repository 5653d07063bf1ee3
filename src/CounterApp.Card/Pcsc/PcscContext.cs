namespace CounterApp.Card.Pcsc;

/// <summary>
/// A PC/SC resource-manager context: lists readers and waits for cards to come and go.
/// pcsc-lite serialises the calls of one context, so a context that waits for events should do only that;
/// each <see cref="PcscConnection"/> has its own. <see cref="Cancel"/> may be called from any thread.
/// </summary>
public sealed class PcscContext : IDisposable
{
    private readonly IPcscApi _api;
    private nint _handle;

    private PcscContext(IPcscApi api, nint handle)
    {
        _api = api;
        _handle = handle;
    }

    /// <exception cref="PcscException">No PC/SC service (SCARD_E_NO_SERVICE) or another failure.</exception>
    public static PcscContext Establish() => Establish(PcscApi.Current);

    internal static PcscContext Establish(IPcscApi api)
    {
        PcscException.ThrowIfFailed("SCardEstablishContext", api.EstablishContext(out var handle));
        return new PcscContext(api, handle);
    }

    internal IPcscApi Api => _api;

    internal nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            return _handle;
        }
    }

    /// <summary>The readers known to the service; empty when there are none.</summary>
    public IReadOnlyList<string> ListReaders()
    {
        var rc = _api.ListReaders(Handle, out var readers);
        if (rc == PcscError.NoReadersAvailable)
        {
            return [];
        }

        PcscException.ThrowIfFailed("SCardListReaders", rc);
        return readers;
    }

    /// <summary>The current state of each reader, without waiting.</summary>
    public IReadOnlyList<ReaderStatus> GetStatus(IEnumerable<string> readers)
    {
        var states = readers.Select(r => new ReaderStateRecord(r, 0)).ToArray();
        var rc = _api.GetStatusChange(Handle, 0, states);
        if (rc != PcscError.Timeout)
        {
            PcscException.ThrowIfFailed("SCardGetStatusChange", rc);
        }

        return states.Select(s => new ReaderStatus(s.Reader, s.EventState & ~(uint)ReaderStates.Changed, s.Atr)).ToArray();
    }

    /// <summary>
    /// Waits until any reader's state differs from <paramref name="known"/> (card inserted or removed, reader
    /// gone) and returns the new states, or null after <paramref name="timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<ReaderStatus>?> WaitForChangeAsync(IReadOnlyList<ReaderStatus> known, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(known);
        cancellationToken.ThrowIfCancellationRequested();
        var states = known.Select(k => new ReaderStateRecord(k.Reader, k.RawState & ~(uint)ReaderStates.Changed)).ToArray();
        var milliseconds = timeout == Timeout.InfiniteTimeSpan ? PcscConstants.Infinite : (uint)Math.Clamp(timeout.TotalMilliseconds, 0, uint.MaxValue - 1);
        var handle = Handle;
        uint rc;
        using (cancellationToken.Register(Cancel))
        {
            rc = await Task.Run(() => _api.GetStatusChange(handle, milliseconds, states), CancellationToken.None);
        }

        if (rc == PcscError.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        if (rc == PcscError.Timeout)
        {
            return null;
        }

        PcscException.ThrowIfFailed("SCardGetStatusChange", rc);
        return states.Select(s => new ReaderStatus(s.Reader, s.EventState & ~(uint)ReaderStates.Changed, s.Atr)).ToArray();
    }

    /// <summary>Waits until a card is present in (or, with <paramref name="present"/> false, absent from) the reader.</summary>
    /// <exception cref="TimeoutException">The state did not come within <paramref name="timeout"/>.</exception>
    public async Task<ReaderStatus> WaitForCardAsync(string reader, bool present, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var status = GetStatus([reader])[0];
        while (status.IsCardPresent != present)
        {
            var left = deadline - DateTime.UtcNow;
            var changed = left > TimeSpan.Zero ? await WaitForChangeAsync([status], left, cancellationToken) : null;
            status = changed?[0] ?? throw new TimeoutException($"No card was {(present ? "inserted in" : "removed from")} {reader} within {timeout}.");
        }

        return status;
    }

    /// <summary>Makes a pending <see cref="WaitForChangeAsync"/> return (SCardCancel).</summary>
    public void Cancel()
    {
        if (_handle != 0)
        {
            _api.Cancel(_handle);
        }
    }

    public void Dispose()
    {
        if (_handle != 0)
        {
            _api.ReleaseContext(_handle);
            _handle = 0;
        }
    }
}
