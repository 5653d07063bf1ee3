using System.Globalization;
using CounterApp.VirtualCard.State;
using CounterApp.VirtualCard.Vpcd;

namespace CounterApp.VirtualCard.Cli;

/// <summary>
/// insert: serves the card in the vpcd reader until <c>remove</c> deletes the marker file
/// (<c>&lt;serial&gt;.card.json.inserted</c> in the store), or Ctrl+C/SIGTERM. If pcscd is not up yet, or
/// restarts, it keeps trying to connect.
/// </summary>
internal static class InsertCommand
{
    public static readonly IReadOnlySet<string> Options = new HashSet<string>(StringComparer.Ordinal) { "store", "serial", "host", "port" };
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static async Task<int> RunAsync(CliOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var store = options.Store();
        var serial = options.Require("serial");
        var card = store.Open(serial);
        var host = options.Get("host") ?? VpcdClient.DefaultHost;
        var port = options.Port();
        var marker = MarkerPath(store, serial);
        if (File.Exists(marker))
        {
            throw new InvalidOperationException($"card {serial} is already inserted (remove it first, or delete {marker})");
        }

        await File.WriteAllTextAsync(marker, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        using var removed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = WatchMarkerAsync(marker, removed);
        try
        {
            await output.WriteLineAsync($"card {serial} waits for vpcd at {host}:{port}; 'remove' or Ctrl+C takes it out");
            while (!removed.IsCancellationRequested)
            {
                await using var insertion = await VpcdClient.InsertAsync(card, host, port, Timeout.InfiniteTimeSpan, removed.Token);
                await output.WriteLineAsync($"card {serial} inserted");
                await insertion.Completion.WaitAsync(removed.Token); // ends when pcscd goes away: connect again
            }
        }
        catch (OperationCanceledException)
        {
            // removed, Ctrl+C or SIGTERM
        }
        finally
        {
            await removed.CancelAsync();
            await watcher;
            File.Delete(marker);
        }

        await output.WriteLineAsync($"card {serial} removed");
        return 0;
    }

    internal static string MarkerPath(CardStore store, string serial) => store.PathOf(serial) + ".inserted";

    private static async Task WatchMarkerAsync(string marker, CancellationTokenSource removed)
    {
        using var timer = new PeriodicTimer(Poll);
        try
        {
            while (await timer.WaitForNextTickAsync(removed.Token))
            {
                if (!File.Exists(marker))
                {
                    await removed.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the insertion ended
        }
    }
}
