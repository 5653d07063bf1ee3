using System.Runtime.CompilerServices;
using CounterApp.Card.Connection;
using CounterApp.Card.Pcsc;

namespace CounterApp.ReaderAgent.Readers;

/// <summary>
/// The counter PC's PC/SC readers (pcsc-lite or WinSCard through CounterApp.Card). One context waits for changes
/// (SCardGetStatusChange, with the PnP pseudo-reader so plugged readers show at once) and does nothing else, as
/// pcsc-lite wants; each card connection has its own. The wait also ends every <paramref name="pollInterval"/>, so a
/// missed notification costs at most that long.
/// </summary>
public sealed class PcscReaderSource(TimeSpan pollInterval) : ICardReaderSource
{
    private const string PnpReader = @"\\?PnP?\Notification";

    public async IAsyncEnumerable<IReadOnlyList<ReaderSnapshot>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var context = PcscContext.Establish();
        var usePnp = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var names = context.ListReaders().Where(n => n != PnpReader).ToArray();
            var statuses = names.Length == 0 ? [] : context.GetStatus(names);
            yield return statuses.Select(s => new ReaderSnapshot(s.Reader, s.IsCardPresent, s.IsCardPresent ? s.Atr : [])).ToArray();

            var watched = statuses.ToList();
            if (usePnp && TryPnpStatus(context) is { } pnp)
            {
                watched.Add(pnp);
            }
            else
            {
                usePnp = false;
            }

            if (watched.Count == 0)
            {
                await Task.Delay(pollInterval, cancellationToken);
                continue;
            }

            await context.WaitForChangeAsync(watched, pollInterval, cancellationToken);
        }
    }

    public Task<ISmartCardConnection> ConnectAsync(string reader, CancellationToken cancellationToken) =>
        Task.Run<ISmartCardConnection>(() => PcscConnection.Open(reader, PcscShareMode.Exclusive, resetOnClose: true), cancellationToken);

    // Some PC/SC stacks do not know the PnP pseudo-reader; then the poll interval alone catches new readers.
    private static ReaderStatus? TryPnpStatus(PcscContext context)
    {
        try
        {
            return context.GetStatus([PnpReader])[0];
        }
        catch (PcscException e) when (e.ErrorCode is PcscError.UnknownReader or PcscError.ReaderUnavailable)
        {
            return null;
        }
    }
}
