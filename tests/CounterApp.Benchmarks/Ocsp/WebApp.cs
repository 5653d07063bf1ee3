using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CounterApp.Benchmarks.Support;

namespace CounterApp.Benchmarks.Ocsp;

/// <summary>
/// The real CounterApp.Web, built in Release and started as <c>./build.sh run</c> starts it (Production, embedded
/// SQLite) but on 127.0.0.1, a free port and a throwaway data folder, so its CA is created fresh and nothing of a
/// developer's ./data is touched. Stopped (this process only) when disposed; its console log is in that folder.
/// </summary>
internal sealed class WebApp : IDisposable
{
    /// <summary>Linux's USER_HZ: /proc reports CPU time in these ticks.</summary>
    private const int TicksPerSecond = 100;

    private readonly Process _process;
    private readonly TempFolder _data = new("ocsp-app");
    private readonly string _logFile;

    private WebApp(string root, int port, IReadOnlyDictionary<string, string> settings)
    {
        Port = port;
        _logFile = _data.File("console.log");
        var web = Path.Combine(root, "src", "CounterApp.Web");

        // The app writes its console log straight to a file (as under a service manager), not through a pipe this
        // process would have to drain on the same two CPUs; exec keeps the app at the pid that is measured and stopped.
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = web,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >\"$COUNTERAPP_BENCH_LOG\" 2>&1");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(web, "bin", "Release", "net10.0", "CounterApp.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUri.ToString().TrimEnd('/'));
        start.Environment["COUNTERAPP_BENCH_LOG"] = _logFile;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataDirectory"] = _data.Path;
        start.Environment["Pki__BaseUrl"] = BaseUri.ToString();
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("CounterApp.Web did not start.");
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>The end of the app's console log, for a failure message.</summary>
    public string LogTail
    {
        get
        {
            var lines = File.Exists(_logFile) ? File.ReadLines(_logFile).TakeLast(40) : [];
            return string.Join('\n', lines);
        }
    }

    /// <summary>CPU time (user + system, every thread) the app has used so far, from /proc (10 ms resolution).</summary>
    public TimeSpan Cpu()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");

        // Fields after "(comm)": state is the first, utime the 12th, stime the 13th (proc(5) fields 14 and 15).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / TicksPerSecond);
    }

    /// <summary>Builds CounterApp.Web (Release) and starts it; returns once /health answers.</summary>
    /// <exception cref="InvalidOperationException">The build failed, or the app stopped or never answered.</exception>
    /// <param name="settings">Extra configuration for the app, as environment variables (e.g. Logging__LogLevel__X=Warning).</param>
    public static WebApp Start(string root, IReadOnlyDictionary<string, string> settings)
    {
        Out.Line("building src/CounterApp.Web (Release)");
        Tool.RunOk("dotnet", ["build", Path.Combine(root, "src", "CounterApp.Web"), "-c", "Release", "-nologo", "-v", "quiet"], TimeSpan.FromMinutes(20), root);
        var app = new WebApp(root, FreePort(), settings);
        try
        {
            app.WaitUntilHealthy(TimeSpan.FromMinutes(5));
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            _process.Dispose();
            _data.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilHealthy(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"CounterApp.Web stopped with exit code {_process.ExitCode}:\n{LogTail}");
            }

            try
            {
                using var response = http.GetAsync(new Uri("health", UriKind.Relative)).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    Out.Line($"CounterApp.Web answers on {BaseUri} after {clock.Elapsed.TotalSeconds:0.0} s (data in {_data.Path})");
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            Thread.Sleep(500);
        }

        throw new InvalidOperationException($"CounterApp.Web did not answer /health within {timeout.TotalSeconds:0} s:\n{LogTail}");
    }
}
