using System.Globalization;
using System.Text.RegularExpressions;
using CounterApp.Benchmarks.Support;

namespace CounterApp.Benchmarks.Ocsp;

/// <summary><c>wrk -t1 -c8 -dNs</c> against one URL on 127.0.0.1: requests per second, and no error answers allowed.</summary>
internal static partial class Wrk
{
    public sealed record Run(double RequestsPerSecond, long Requests, string LatencyP50);

    public static Run Get(Uri url, int seconds)
    {
        if (!url.IsLoopback)
        {
            throw new ArgumentException("wrk runs against the loopback only.", nameof(url));
        }

        var duration = seconds.ToString(CultureInfo.InvariantCulture) + "s";
        var result = Tool.RunOk("wrk", ["-t1", "-c8", "-d" + duration, "--latency", "--timeout", "10s", url.AbsoluteUri], TimeSpan.FromSeconds(seconds + 60));
        var rate = RequestsPerSecond().Match(result.Output);
        var total = Requests().Match(result.Output);
        if (!rate.Success || !total.Success)
        {
            throw new InvalidOperationException($"wrk printed no Requests/sec:\n{result.All.Trim()}");
        }

        if (result.Output.Contains("Non-2xx or 3xx responses", StringComparison.Ordinal) || result.Output.Contains("Socket errors", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk saw errors against {url}:\n{result.Output.Trim()}");
        }

        var p50 = Median().Match(result.Output);
        return new Run(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            p50.Success ? p50.Groups[1].Value : "?");
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in ", RegexOptions.CultureInvariant)]
    private static partial Regex Requests();

    [GeneratedRegex(@"^\s+50%\s+(\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Median();
}
