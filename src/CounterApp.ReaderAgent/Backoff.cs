namespace CounterApp.ReaderAgent;

/// <summary>
/// Reconnection delays: doubling from the minimum up to the maximum, with "equal jitter" (a random point in the
/// upper half), so a town hall's counters coming back after an outage do not all knock at the same instant, and
/// each delay is still at least as long as the one before.
/// </summary>
public static class Backoff
{
    /// <param name="attempt">0 for the first retry after a connection ended.</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var ceiling = min.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(ceiling, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * Math.Clamp(jitter, 0, 1)));
    }
}
