using System.Diagnostics;
using CounterApp.Benchmarks.Support;

namespace CounterApp.Benchmarks.Issuance;

/// <summary>
/// Goal 1: certificates issued (R-CE-02 profile built, signed with the CA's RSA-2048 key, DER stored and loaded back)
/// per second on one core ≥ 70% of <c>openssl speed rsa2048</c> sign/s on the same core. Both run pinned to the same
/// CPU, interleaved round by round, and both are divided by the CPU time they used (OpenSSL's own divisor), so
/// the neighbours' load on the shared machine shows in the wall figures, not in the ratio.
/// </summary>
internal static class IssuanceSuite
{
    public const double Goal = 0.70;

    public static IReadOnlyList<Goal> Run(Options options)
    {
        Out.Heading($"Issuance: CertificateAuthority.Issue (build + sign + serialize, in-memory store) vs openssl speed rsa2048, both on CPU {options.Cpu}");
        using var ca = new DemoAuthority();
        var duration = TimeSpan.FromSeconds(options.Seconds);

        // JIT, tiering and the first-use costs of OpenSSL through .NET, outside the measurement.
        PinnedThread.Run(options.Cpu, () => Issue(ca, TimeSpan.FromSeconds(Math.Min(3, options.Seconds))));

        var ours = new List<double>();
        var reference = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var openssl = OpenSslSpeed.Run(options.Cpu, options.Seconds);
            var issued = PinnedThread.Run(options.Cpu, () => Issue(ca, duration));
            reference.Add(openssl.SignPerSecond);
            ours.Add(issued.PerCpuSecond);
            Out.Line($"round {round}: openssl {openssl.SignPerSecond,8:0.0} sign/s   ours {issued.PerCpuSecond,8:0.0} issued/s   ratio {issued.PerCpuSecond / openssl.SignPerSecond:0.000}   (per wall second: {openssl.PerWallSecond:0.0} vs {issued.PerWallSecond:0.0}; {issued.Count} issued on {issued.Cpu.TotalSeconds:0.00} CPU-s)");
        }

        var ourMedian = Stats.Median(ours);
        var referenceMedian = Stats.Median(reference);
        var goal = new Goal(
            "Issuance per CPU-second",
            Out.Format($"{ourMedian:0.0} issued/s"),
            Out.Format($"openssl rsa2048 {referenceMedian:0.0} sign/s"),
            ourMedian / referenceMedian,
            Goal,
            AtLeast: true);
        Out.Line(goal.ToString());
        return [goal];
    }

    private static Throughput Issue(DemoAuthority ca, TimeSpan duration)
    {
        var count = 0;
        var cpuStart = CpuClock.Thread();
        var wall = Stopwatch.StartNew();
        while (wall.Elapsed < duration)
        {
            using var issued = ca.Authority.Issue(DemoAuthority.Subject, ca.CardKey, DemoAuthority.CardExpiry);
            count++;
        }

        return new Throughput(count, CpuClock.Thread() - cpuStart, wall.Elapsed);
    }

    private sealed record Throughput(int Count, TimeSpan Cpu, TimeSpan Wall)
    {
        public double PerCpuSecond => Count / Cpu.TotalSeconds;

        public double PerWallSecond => Count / Wall.TotalSeconds;
    }
}
