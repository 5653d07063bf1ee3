namespace CounterApp.Benchmarks.Support;

internal static class Load
{
    /// <summary>The 1-minute load average, for the reader of a run on a shared machine.</summary>
    public static string Average() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
