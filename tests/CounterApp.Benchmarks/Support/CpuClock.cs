using System.Runtime.InteropServices;

namespace CounterApp.Benchmarks.Support;

/// <summary>
/// CPU time rather than wall time: the machine is shared, and a run-queue of twenty steals wall time from whoever is
/// measured. <c>openssl speed</c> divides by CPU time too, so ours is measured the same way (wall figures are printed beside).
/// </summary>
internal static class CpuClock
{
    /// <summary>CPU time (user + system) the calling thread has used.</summary>
    public static TimeSpan Thread()
    {
        if (NativeMethods.ClockGetTime(NativeMethods.ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
    }

    /// <summary>CPU time (user + system) of every child process reaped so far.</summary>
    public static TimeSpan Children()
    {
        if (NativeMethods.GetRusage(NativeMethods.RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage(RUSAGE_CHILDREN) failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        return ToTimeSpan(usage.User) + ToTimeSpan(usage.System);
    }

    private static TimeSpan ToTimeSpan(NativeMethods.TimeVal value) =>
        TimeSpan.FromTicks((value.Seconds * TimeSpan.TicksPerSecond) + (value.Microseconds * 10));
}
