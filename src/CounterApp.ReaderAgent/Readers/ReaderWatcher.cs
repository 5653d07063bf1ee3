using System.Net.WebSockets;
using CounterApp.Card.Pcsc;
using CounterApp.Card.AgentProtocol;

namespace CounterApp.ReaderAgent.Readers;

/// <summary>
/// Reports the readers to the server: a <c>readers</c> message with every reader when the connection starts and
/// whenever the set of readers changes, a <c>card</c> message when a card comes or goes in a known reader. When the
/// reader service is unavailable it reports no readers and tries again after the poll interval.
/// </summary>
internal sealed partial class ReaderWatcher(ICardReaderSource source, MessageSocket socket, TimeSpan retryDelay, ILogger logger)
{
    private IReadOnlyList<ReaderSnapshot>? _reported;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await foreach (var readers in source.WatchAsync(cancellationToken))
                    {
                        await ReportAsync(readers, cancellationToken);
                    }
                }
                catch (IOException e)
                {
                    LogReadersUnavailable(logger, e.Message);
                    if (e is not PcscException { ErrorCode: not (PcscError.NoService or PcscError.ServiceStopped) })
                    {
                        await ReportAsync([], cancellationToken); // the reader service is gone, so are its readers
                    }
                }

                await Task.Delay(retryDelay, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection ended.
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The connection failed; the receiving side notices and reconnects.
        }
    }

    private async Task ReportAsync(IReadOnlyList<ReaderSnapshot> readers, CancellationToken cancellationToken)
    {
        var previous = _reported;
        _reported = readers;
        if (previous is null || !previous.Select(r => r.Name).SequenceEqual(readers.Select(r => r.Name), StringComparer.Ordinal))
        {
            await socket.SendAsync(new AgentMessage { Type = MessageTypes.Readers, Readers = readers.Select(Info).ToArray() }, cancellationToken);
            foreach (var reader in readers)
            {
                LogReader(logger, reader.Name, reader.CardPresent);
            }

            return;
        }

        foreach (var (before, now) in previous.Zip(readers))
        {
            if (!before.SameAs(now))
            {
                LogCard(logger, now.Name, now.CardPresent);
                await socket.SendAsync(new AgentMessage { Type = MessageTypes.Card, Reader = now.Name, Present = now.CardPresent, Atr = Atr(now) }, cancellationToken);
            }
        }
    }

    private static ReaderInfo Info(ReaderSnapshot reader) => new(reader.Name, reader.CardPresent, Atr(reader));

    private static byte[]? Atr(ReaderSnapshot reader) => reader.CardPresent && !reader.Atr.IsEmpty ? reader.Atr.ToArray() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader {Reader}: card present {Present}")]
    private static partial void LogReader(ILogger logger, string reader, bool present);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader {Reader}: card {Present}")]
    private static partial void LogCard(ILogger logger, string reader, bool present);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card readers are unavailable: {Reason}")]
    private static partial void LogReadersUnavailable(ILogger logger, string reason);
}
