using System.Globalization;

namespace CounterApp.Benchmarks;

/// <summary>The command line: <c>./build.sh bench [issuance] [crl] [ocsp] [--rounds N] [--cpu N] [--seconds N]</c>.</summary>
internal sealed record Options
{
    public static readonly string[] AllSuites = ["issuance", "crl", "ocsp", "ledger", "residents"];

    public IReadOnlyList<string> Suites { get; init; } = AllSuites;

    /// <summary>Measured rounds per figure; each round runs the reference and ours back to back, and the medians are compared.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>The CPU both sides are pinned to (taskset -c N for OpenSSL, sched_setaffinity for ours): the last one.</summary>
    public int Cpu { get; init; } = Environment.ProcessorCount - 1;

    /// <summary>Length of a timed run: <c>openssl speed -seconds</c>, our issuance loop, and each wrk run.</summary>
    public int Seconds { get; init; } = 5;

    /// <summary>Configuration given to the app of the ocsp suite as environment variables (<c>--app-env NAME=VALUE</c>).</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init; } = new Dictionary<string, string>();

    public static string Usage =>
        $"""
        usage: ./build.sh bench [issuance] [crl] [ocsp] [ledger] [residents] [--rounds N] [--cpu N] [--seconds N] [--app-env NAME=VALUE]...
          issuance  CertificateAuthority.Issue per CPU-second vs openssl speed rsa2048 sign/s (goal >= 0.70)
          crl       CRL of 100,000 and 1,000,000 entries vs openssl ca -gencrl (goal <= 2x), and 1M/100k (goal <= 11)
          ocsp      the running app: cached vs signed GET /ocsp requests/s with wrk (goal >= 5x)
          ledger    the daily fee ledger PDF, ~1,000 vs ~10 pages: time per page (goal <= 1.2x), peak memory (goal < 10x)
          residents resident search over 100,000 residents on SQLite: p95 of a query mix (goal < 100 ms)
          --rounds  measured rounds per figure, reference and ours interleaved (default 3)
          --cpu     the CPU both sides are pinned to (default: the last, here {Environment.ProcessorCount - 1})
          --seconds length of each timed run (default 5)
          --app-env configuration for the app the ocsp suite runs, as an environment variable (repeatable)
        Exit code 0 when every goal passes, 1 when one fails, 2 when the run could not be made.
        """;

    /// <summary>Null (and a message) when the arguments make no sense.</summary>
    public static Options? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new Options();
        var suites = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (AllSuites.Contains(arg, StringComparer.Ordinal))
            {
                suites.Add(arg);
                continue;
            }

            if (arg == "--app-env" && i + 1 < args.Count && args[i + 1].IndexOf('=', StringComparison.Ordinal) > 0)
            {
                var setting = args[++i];
                var split = setting.IndexOf('=', StringComparison.Ordinal);
                options = options with { AppSettings = new Dictionary<string, string>(options.AppSettings) { [setting[..split]] = setting[(split + 1)..] } };
                continue;
            }

            if (arg is "--rounds" or "--cpu" or "--seconds" && i + 1 < args.Count
                && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                i++;
                options = arg switch
                {
                    "--rounds" => options with { Rounds = value },
                    "--cpu" => options with { Cpu = value },
                    _ => options with { Seconds = value },
                };
                continue;
            }

            error = $"unknown or incomplete argument '{arg}'";
            return null;
        }

        if (options.Rounds is < 1 or > 50 || options.Seconds is < 1 or > 60 || options.Cpu < 0 || options.Cpu >= Environment.ProcessorCount)
        {
            error = $"--rounds must be 1–50, --seconds 1–60, --cpu 0–{Environment.ProcessorCount - 1}";
            return null;
        }

        return options with { Suites = suites.Count == 0 ? AllSuites : suites.Distinct().ToList() };
    }
}
