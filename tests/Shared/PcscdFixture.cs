using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using CounterApp.Card.Pcsc;

namespace CounterApp.TestSupport.Pcsc;

/// <summary>
/// Shared by the Card and ReaderAgent tests (linked into both). A pcscd of this test run's own, with Debian's vpcd driver on a free pair of ports (one per vpcd reader).
/// pcscd always puts its socket in /run/pcscd, so it preferably runs in a private mount namespace with a temp
/// folder bound over /run, and PCSCLITE_CSOCK_NAME points this process and the OpenSC tools at that socket: a
/// pcscd already on the machine, or another test run, is left alone. Where namespaces are not allowed, it
/// falls back to the machine's /run/pcscd if no other pcscd is running. Fails, never skips, when neither works.
/// </summary>
public sealed class PcscdFixture : IAsyncLifetime
{
    public const string Reader0 = "Virtual PCD 00 00";
    public const string Reader1 = "Virtual PCD 00 01";
    private const string SystemSocket = "/run/pcscd/pcscd.comm";
    private const string SystemPidFile = "/run/pcscd/pcscd.pid";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly StringBuilder _log = new();
    private Process? _pcscd;

    public string Folder { get; } = Directory.CreateTempSubdirectory("counterapp-pcscd-").FullName;

    public string SocketPath { get; private set; } = "";

    public string OpenScConf => Path.Combine(Folder, "opensc.conf");

    /// <summary>The vpcd port of <see cref="Reader0"/>; <see cref="Reader1"/> listens on the next one.</summary>
    public int Port { get; private set; }

    /// <summary>True when pcscd runs in its own mount namespace (the usual case).</summary>
    public bool Isolated { get; private set; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        RequireTools();
        Port = FreePorts.Pair();
        var conf = Directory.CreateDirectory(Path.Combine(Folder, "reader.conf.d")).FullName;
        await File.WriteAllTextAsync(Path.Combine(conf, "vpcd"), $"FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:{Port}\nLIBPATH {VpcdDriver()}\n");
        await File.WriteAllTextAsync(OpenScConf, "app default {\n  framework pkcs15 {\n    use_file_caching = no;\n  }\n}\n");
        var run = Directory.CreateDirectory(Path.Combine(Folder, "run")).FullName;

        // No PC/SC call may happen before the socket exists: libpcsclite reads PCSCLITE_CSOCK_NAME once.
        SocketPath = Path.Combine(run, "pcscd", "pcscd.comm");
        Isolated = true;
        Start("/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
            $"mount --bind '{run}' /run && exec /usr/sbin/pcscd --foreground --config '{conf}'");
        if (await WaitUntilReadyAsync())
        {
            return;
        }

        var isolatedLog = Log;
        if (OtherPcscdRuns())
        {
            throw new InvalidOperationException(
                $"pcscd cannot run in a private mount namespace here and another pcscd owns {SystemSocket}; run the tests as root with CAP_SYS_ADMIN, or stop that pcscd.\n{isolatedLog}");
        }

        SocketPath = SystemSocket;
        Isolated = false;
        Start("/usr/sbin/pcscd", "--foreground", "--config", conf);
        if (!await WaitUntilReadyAsync())
        {
            throw new InvalidOperationException($"pcscd did not start, isolated or not (it needs root):\n{isolatedLog}\n{Log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder is cleaned by the OS
        }
    }

    /// <summary>Environment for child processes (OpenSC tools) so they talk to this pcscd.</summary>
    public void Apply(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.Environment["PCSCLITE_CSOCK_NAME"] = SocketPath;
        start.Environment["OPENSC_CONF"] = OpenScConf;
    }

    private void Start(string program, params string[] args)
    {
        // libpcsclite reads PCSCLITE_CSOCK_NAME from the C environment; .NET's own environment block is separate.
        if (NativeMethods.setenv(Encoding.UTF8.GetBytes("PCSCLITE_CSOCK_NAME\0"), Encoding.UTF8.GetBytes(SocketPath + "\0"), 1) != 0)
        {
            throw new InvalidOperationException("setenv(PCSCLITE_CSOCK_NAME) failed.");
        }

        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _pcscd = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        _pcscd.OutputDataReceived += (_, e) => Append(e.Data);
        _pcscd.ErrorDataReceived += (_, e) => Append(e.Data);
        _pcscd.BeginOutputReadLine();
        _pcscd.BeginErrorReadLine();
    }

    /// <summary>True once pcscd lists both vpcd readers; false if it exited first.</summary>
    private async Task<bool> WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!_pcscd!.HasExited)
        {
            if (File.Exists(SocketPath) && ReadersListed())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                await StopAsync();
                throw new TimeoutException($"pcscd did not list the vpcd readers within {StartTimeout}:\n{Log}");
            }

            await Task.Delay(100);
        }

        await StopAsync();
        return false;
    }

    /// <summary>SIGTERM first so pcscd removes its socket and pid file; SIGKILL if it lingers.</summary>
    private async Task StopAsync()
    {
        if (_pcscd is not { } process)
        {
            return;
        }

        _pcscd = null;
        if (!process.HasExited)
        {
            using (var kill = Process.Start("/bin/kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    private static bool ReadersListed()
    {
        try
        {
            using var context = PcscContext.Establish();
            var readers = context.ListReaders();
            return readers.Contains(Reader0) && readers.Contains(Reader1);
        }
        catch (PcscException)
        {
            return false;
        }
    }

    private static bool OtherPcscdRuns() =>
        File.Exists(SystemSocket) && File.Exists(SystemPidFile)
        && int.TryParse(File.ReadAllText(SystemPidFile).Trim(), out var pid) && Directory.Exists($"/proc/{pid}");

    private static void RequireTools()
    {
        RequireFile("/usr/sbin/pcscd", "package pcscd");
        RequireFile("/usr/bin/unshare", "package util-linux");
        foreach (var tool in new[] { "opensc-tool", "pkcs15-tool", "pkcs11-tool" })
        {
            RequireFile("/usr/bin/" + tool, "package opensc");
        }

        RequireFile("/usr/bin/openssl", "package openssl");
    }

    /// <summary>The driver Debian's vsmartcard-vpcd configures in /etc/reader.conf.d/vpcd.</summary>
    private static string VpcdDriver()
    {
        const string conf = "/etc/reader.conf.d/vpcd";
        RequireFile(conf, "package vsmartcard-vpcd");
        var line = File.ReadAllLines(conf).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("LIBPATH", StringComparison.Ordinal));
        var driver = line?["LIBPATH".Length..].Trim() ?? "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
        RequireFile(driver, "the vpcd driver of package vsmartcard-vpcd");
        return driver;
    }

    private static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install {what} (./build.sh test installs it).");
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "setenv")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int setenv(byte[] name, byte[] value, int overwrite);
    }
}

[CollectionDefinition(Name)]
public sealed class PcscdGroup : ICollectionFixture<PcscdFixture>
{
    public const string Name = "pcscd";
}
