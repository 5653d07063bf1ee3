using System.Diagnostics;
using System.Globalization;
using CounterApp.Benchmarks.Support;

namespace CounterApp.Benchmarks.Ledger;

/// <summary>
/// Issue 6: the daily fee ledger of about 10 pages and of about 1,000 pages (about 40,000 receipts). Goals: time per page
/// at 1,000 pages at most 1.2× the time per page at 10 pages, and peak memory growing less than 10×. Each size runs in a
/// child process of its own (this program with <c>ledger-child N</c>), so its peak resident memory (VmHWM) is its own.
/// </summary>
internal static class LedgerSuite
{
    public const double PerPageLimit = 1.2;

    public const double MemoryLimit = 10.0;

    // About 43 receipts fit a page: 430 receipts give about 10 pages, 43,000 about 1,000.
    private static readonly int[] Receipts = [430, 43_000];

    public static IReadOnlyList<Goal> Run(Options options)
    {
        Out.Heading("Ledger: 手数料日計表 of ~10 and ~1,000 pages, each size in its own process");
        var results = new Dictionary<int, List<ChildResult>>();
        foreach (var count in Receipts)
        {
            results[count] = [];
            Child(count); // warm-up: disk cache for fonts and assemblies
            for (var round = 1; round <= options.Rounds; round++)
            {
                var result = Child(count);
                results[count].Add(result);
                Out.Line(Out.Format($"  {count,6:N0} receipts round {round}: {result.Pages,5} pages in {result.Milliseconds,8:0.0} ms = {result.MillisecondsPerPage,6:0.00} ms/page, peak {result.PeakKilobytes / 1024.0,6:0.0} MB"));
            }
        }

        var small = results[Receipts[0]];
        var large = results[Receipts[1]];
        var smallPerPage = Stats.Median(small.Select(r => r.MillisecondsPerPage).ToList());
        var largePerPage = Stats.Median(large.Select(r => r.MillisecondsPerPage).ToList());
        var smallPeak = Stats.Median(small.Select(r => (double)r.PeakKilobytes).ToList());
        var largePeak = Stats.Median(large.Select(r => (double)r.PeakKilobytes).ToList());
        return
        [
            new Goal(
                Out.Format($"Ledger {large[0].Pages} pages, time/page"),
                Out.Format($"{largePerPage:0.00} ms/page"),
                Out.Format($"{small[0].Pages} pages: {smallPerPage:0.00} ms/page"),
                largePerPage / smallPerPage,
                PerPageLimit,
                AtLeast: false),
            new Goal(
                Out.Format($"Ledger {large[0].Pages} pages, peak memory"),
                Out.Format($"{largePeak / 1024:0.0} MB"),
                Out.Format($"{small[0].Pages} pages: {smallPeak / 1024:0.0} MB"),
                largePeak / smallPeak,
                MemoryLimit,
                AtLeast: false),
        ];
    }

    private static ChildResult Child(int receipts)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, ["ledger-child", receipts.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the ledger child process.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ledger child failed ({process.ExitCode}): {error}");
        }

        var fields = output.Trim().Split(' ');
        return new ChildResult(
            int.Parse(fields[0], CultureInfo.InvariantCulture),
            double.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[2], CultureInfo.InvariantCulture));
    }

    private sealed record ChildResult(int Pages, double Milliseconds, long PeakKilobytes)
    {
        public double MillisecondsPerPage => Milliseconds / Pages;
    }
}
