using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace CounterApp.Benchmarks.Support;

/// <summary>Runs a measurement on a thread of its own, pinned to one CPU, as <c>taskset -c N</c> pins OpenSSL.</summary>
internal static class PinnedThread
{
    public static T Run<T>(int cpu, Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    Pin(cpu);
                    result = work();
                }
#pragma warning disable CA1031 // Rethrown on the caller's thread below.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            maxStackSize: 16 * 1024 * 1024)
        {
            Name = $"bench-cpu{cpu}",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    private static void Pin(int cpu)
    {
        var mask = 1UL << cpu;
        if (NativeMethods.SchedSetAffinity(0, sizeof(ulong), in mask) != 0)
        {
            throw new InvalidOperationException($"sched_setaffinity to CPU {cpu} failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }
}
