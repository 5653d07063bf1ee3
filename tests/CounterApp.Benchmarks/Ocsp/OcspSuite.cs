using CounterApp.Benchmarks.Support;

namespace CounterApp.Benchmarks.Ocsp;

/// <summary>
/// Goal 3: the running app answers cached OCSP requests at least 5× as fast as requests it must sign. Both are
/// <c>GET /ocsp/{base64}</c> (RFC 6960 A.1) written by <c>openssl ocsp -reqout</c> for one certificate: without a nonce
/// the signed answer is reused (RFC 5019), with a nonce it is signed fresh every time to echo it. Both still read the
/// certificate's status from the database per request (R-RV-03). wrk -t1 -c8 on 127.0.0.1, interleaved round by round.
/// </summary>
internal static class OcspSuite
{
    public const double Goal = 5.0;

    public static IReadOnlyList<Goal> Run(Options options)
    {
        Out.Heading("OCSP: the running CounterApp.Web, GET /ocsp/{request}, cached (no nonce) vs signed per request (nonce), wrk -t1 -c8");
        using var app = WebApp.Start(RepoRoot.Find(), options.AppSettings);
        foreach (var (name, value) in options.AppSettings)
        {
            Out.Line($"app setting {name}={value}");
        }

        using var folder = new TempFolder("ocsp");
        using var http = new HttpClient { BaseAddress = app.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        var requests = OcspRequests.Write(http, folder);
        requests.Check(http);

        // The HTTP floor: the same app serving fixed bytes (the CA certificate, no database, no OCSP) — for the reader.
        var floor = new Uri(app.BaseUri, "ca/toyama.cer");

        // Warm-up, a full run per path: tiered JIT (its background compiler is starved on a busy machine), the
        // connection pools and SQLite's page cache.
        Wrk.Get(floor, 2);
        Wrk.Get(requests.Cached, options.Seconds);
        Wrk.Get(requests.Signed, options.Seconds);

        var cached = new List<double>();
        var signed = new List<double>();
        var cpu = (Cached: new List<double>(), Signed: new List<double>(), Floor: new List<double>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            var (fromCache, cachedCpu) = Measure(app, requests.Cached, options.Seconds);
            var (fresh, signedCpu) = Measure(app, requests.Signed, options.Seconds);
            var (plain, plainCpu) = Measure(app, floor, options.Seconds);
            cached.Add(fromCache.RequestsPerSecond);
            signed.Add(fresh.RequestsPerSecond);
            cpu.Cached.Add(cachedCpu);
            cpu.Signed.Add(signedCpu);
            cpu.Floor.Add(plainCpu);
            Out.Line($"round {round}: cached {fromCache.RequestsPerSecond,7:0.0} req/s ({cachedCpu,4:0} µs app CPU/req)   signed {fresh.RequestsPerSecond,7:0.0} req/s ({signedCpu,4:0} µs)   ratio {fromCache.RequestsPerSecond / fresh.RequestsPerSecond:0.00}   [floor: GET /ca/toyama.cer {plain.RequestsPerSecond:0.0} req/s, {plainCpu:0} µs]");
        }

        Out.Line($"app CPU per request (medians): cached {Stats.Median(cpu.Cached):0} µs, signed {Stats.Median(cpu.Signed):0} µs (ratio {Stats.Median(cpu.Signed) / Stats.Median(cpu.Cached):0.00}), HTTP floor {Stats.Median(cpu.Floor):0} µs");
        var cachedMedian = Stats.Median(cached);
        var signedMedian = Stats.Median(signed);
        var goal = new Goal(
            "OCSP cached vs signed per request",
            Out.Format($"cached {cachedMedian:0.0} req/s"),
            Out.Format($"signed {signedMedian:0.0} req/s"),
            cachedMedian / signedMedian,
            Goal,
            AtLeast: true);
        Out.Line(goal.ToString());
        return [goal];
    }

    /// <summary>One wrk run, and the app's CPU time per request it served (µs).</summary>
    private static (Wrk.Run Run, double CpuMicroseconds) Measure(WebApp app, Uri url, int seconds)
    {
        var before = app.Cpu();
        var run = Wrk.Get(url, seconds);
        return (run, (app.Cpu() - before).TotalMicroseconds / run.Requests);
    }
}
