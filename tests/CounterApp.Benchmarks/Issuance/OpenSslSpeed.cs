using System.Globalization;
using System.Text.RegularExpressions;
using CounterApp.Benchmarks.Support;

namespace CounterApp.Benchmarks.Issuance;

/// <summary><c>taskset -c N openssl speed -seconds S rsa2048</c>: RSA-2048 signatures per CPU-second, as OpenSSL prints them.</summary>
internal static partial class OpenSslSpeed
{
    /// <param name="SignPerSecond">OpenSSL's own sign/s column (signatures per second of user CPU time).</param>
    /// <param name="Signatures">How many signatures it made in its <c>-seconds</c> of wall time.</param>
    public sealed record Sign(double SignPerSecond, long Signatures, double WallSeconds)
    {
        public double PerWallSecond => Signatures / WallSeconds;
    }

    public static Sign Run(int cpu, int seconds)
    {
        var secondsText = seconds.ToString(CultureInfo.InvariantCulture);
        var result = Tool.RunPinnedOk(cpu, "openssl", ["speed", "-seconds", secondsText, "rsa2048"], TimeSpan.FromSeconds((seconds * 4) + 120));
        var summary = SummaryLine().Match(result.All);
        var doing = DoingLine().Match(result.All);
        if (!summary.Success || !doing.Success)
        {
            throw new InvalidOperationException($"openssl speed printed no rsa 2048 result:\n{result.All.Trim()}");
        }

        return new Sign(
            double.Parse(summary.Groups["sign"].Value, CultureInfo.InvariantCulture),
            long.Parse(doing.Groups["count"].Value, CultureInfo.InvariantCulture),
            seconds);
    }

    // "rsa 2048 bits 0.000307s 0.000022s   3259.6  45350.0"
    [GeneratedRegex(@"^rsa\s+2048 bits\s+\S+s\s+\S+s\s+(?<sign>[0-9.]+)\s+[0-9.]+\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryLine();

    // "Doing 2048 bits private rsa's for 5s: 8000 2048 bits private RSA's in 2.49s"
    [GeneratedRegex(@"Doing 2048 bits private rsa's for \d+s: (?<count>\d+) 2048 bits private RSA's in (?<cpu>[0-9.]+)s", RegexOptions.CultureInvariant)]
    private static partial Regex DoingLine();
}
