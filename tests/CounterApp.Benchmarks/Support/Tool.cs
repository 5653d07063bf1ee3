using System.Diagnostics;

namespace CounterApp.Benchmarks.Support;

/// <summary>Runs an outside program (openssl, wrk, dotnet) to its end and says what it printed and what it cost.</summary>
internal static class Tool
{
    /// <param name="Cpu">User + system CPU time of the program (and anything it waited for), from the kernel's accounting.</param>
    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Wall, TimeSpan Cpu)
    {
        public string All => Output + Error;
    }

    /// <summary>True when <paramref name="name"/> is on PATH.</summary>
    public static bool Exists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, name)));

    /// <exception cref="TimeoutException">The program ran longer than <paramref name="timeout"/> (it is killed).</exception>
    public static Result Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var cpuBefore = CpuClock.Children();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish in {timeout.TotalSeconds:0} s.");
        }

        process.WaitForExit();
        clock.Stop();
        return new Result(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult(), clock.Elapsed, CpuClock.Children() - cpuBefore);
    }

    /// <summary>Runs and insists on exit code 0.</summary>
    /// <exception cref="InvalidOperationException">The program failed; the message carries what it printed.</exception>
    public static Result RunOk(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var list = arguments.ToList();
        var result = Run(fileName, list, timeout, workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', list)} exited {result.ExitCode}:\n{result.All.Trim()}");
        }

        return result;
    }

    /// <summary><paramref name="fileName"/> under <c>taskset -c <paramref name="cpu"/></c>.</summary>
    public static Result RunPinnedOk(int cpu, string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null) =>
        RunOk("taskset", ["-c", cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), fileName, .. arguments], timeout, workingDirectory);
}
