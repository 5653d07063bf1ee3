namespace CounterApp.Domain.Calendar;

/// <summary>Guards the counter-hour functions against being handed an instant instead of Tokyo wall-clock time.</summary>
internal static class TokyoWallClock
{
    /// <summary>
    /// Rejects UTC and server-local DateTimes: DateTime.UtcNow or DateTime.Now on a server outside Japan would be
    /// read as Tokyo time and be off by hours. Tokyo time comes from TokyoClock, which returns Unspecified.
    /// </summary>
    public static void Require(DateTime tokyoNow, string paramName)
    {
        if (tokyoNow.Kind != DateTimeKind.Unspecified)
        {
            throw new ArgumentException(
                $"Expected Tokyo wall-clock time (DateTimeKind.Unspecified, e.g. from TokyoClock.Now), got a {tokyoNow.Kind} time.",
                paramName);
        }
    }
}
