using System.Diagnostics;
using CounterApp.Benchmarks.Support;
using CounterApp.Pki.Crl;

namespace CounterApp.Benchmarks.Crl;

/// <summary>
/// Goal 2: a full CRL of 100,000 and of 1,000,000 entries (<see cref="Pki.Authority.CertificateAuthority.BuildCrl"/>:
/// read the store, encode, sign) in at most twice the time of <c>openssl ca -gencrl</c> over the same entries with the
/// same key (reading index.txt, encoding, sorting, signing, writing PEM), and 1M/100k at most 11 (linear). Both are
/// pinned to the same CPU, interleaved round by round, and timed in CPU seconds (the kernel's accounting for OpenSSL,
/// the thread's CPU clock for ours; the GC is non-concurrent, so its work is on that thread).
/// </summary>
internal static class CrlSuite
{
    public const double TimesOpenSsl = 2.0;

    public const double Linearity = 11.0;

    private static readonly int[] Sizes = [100_000, 1_000_000];

    public static IReadOnlyList<Goal> Run(Options options)
    {
        Out.Heading($"CRL: CertificateAuthority.BuildCrl vs openssl ca -gencrl, same entries and key, both on CPU {options.Cpu}");
        using var ca = new DemoAuthority();
        using var folder = new TempFolder("crl");
        var openssl = new OpenSslCa(folder, ca.Authority.Certificate, ca.ExportAuthorityKeyPem());
        var entries = new RevokedSet(openssl.IndexFile);
        var goals = new List<Goal>();
        var ourTimes = new Dictionary<int, double>();
        foreach (var size in Sizes)
        {
            var setup = Stopwatch.StartNew();
            entries.GrowTo(ca.Store, size);
            Out.Line($"{size:N0} entries: store and index.txt ready in {setup.Elapsed.TotalSeconds:0.0} s");

            // Warm-up of both: JIT and first-touch memory for ours, the page cache for OpenSSL's index.txt.
            var warm = PinnedThread.Run(options.Cpu, () => Build(ca));
            openssl.GenerateCrl(options.Cpu);
            Check(warm.Crl, openssl.LastCrlDer(), size);

            var ours = new List<double>();
            var reference = new List<double>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                var theirs = openssl.GenerateCrl(options.Cpu);
                var built = PinnedThread.Run(options.Cpu, () => Build(ca));
                reference.Add(theirs.Cpu.TotalSeconds);
                ours.Add(built.Cpu.TotalSeconds);
                Out.Line($"  round {round}: openssl {OpenSslCa.Describe(theirs)}   ours {built.Cpu.TotalSeconds:0.000} CPU-s ({built.Wall.TotalSeconds:0.000} s wall)   ratio {built.Cpu.TotalSeconds / theirs.Cpu.TotalSeconds:0.00}");
            }

            var ourMedian = Stats.Median(ours);
            var referenceMedian = Stats.Median(reference);
            ourTimes[size] = ourMedian;
            var goal = new Goal(
                Out.Format($"CRL {size:N0} entries, time"),
                Out.Format($"{ourMedian:0.000} CPU-s"),
                Out.Format($"openssl ca -gencrl {referenceMedian:0.000} CPU-s"),
                ourMedian / referenceMedian,
                TimesOpenSsl,
                AtLeast: false);
            Out.Line(goal.ToString());
            goals.Add(goal);
        }

        var linear = new Goal(
            "CRL 1M/100k time (linearity)",
            Out.Format($"{ourTimes[Sizes[1]]:0.000} CPU-s"),
            Out.Format($"100k: {ourTimes[Sizes[0]]:0.000} CPU-s"),
            ourTimes[Sizes[1]] / ourTimes[Sizes[0]],
            Linearity,
            AtLeast: false);
        Out.Line(linear.ToString());
        goals.Add(linear);
        return goals;
    }

    private static Built Build(DemoAuthority ca)
    {
        // Each build starts on a collected heap (as BenchmarkDotNet does between iterations); the collections the build
        // itself causes run on this thread (non-concurrent GC) and are counted.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpuStart = CpuClock.Thread();
        var wall = Stopwatch.StartNew();
        var crl = ca.Authority.BuildCrl();
        return new Built(crl, CpuClock.Thread() - cpuStart, wall.Elapsed);
    }

    /// <summary>Both lists hold the same entries: same count, and the same DER length give or take the CRL number's octet.</summary>
    private static void Check(CrlDocument ours, byte[] theirs, int size)
    {
        if (ours.EntryCount != size)
        {
            throw new InvalidOperationException($"The CA listed {ours.EntryCount} entries, not {size}.");
        }

        var difference = Math.Abs(ours.Der.Length - theirs.Length);
        Out.Line($"  same list: ours {ours.Der.Length:N0} bytes DER, openssl {theirs.Length:N0} bytes DER");
        if (difference > 8)
        {
            throw new InvalidOperationException($"The two CRLs differ by {difference} bytes; they should list the same entries the same way.");
        }
    }

    private sealed record Built(CrlDocument Crl, TimeSpan Cpu, TimeSpan Wall);
}
