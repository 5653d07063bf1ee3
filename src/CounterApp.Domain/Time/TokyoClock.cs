namespace CounterApp.Domain.Time;

/// <summary>
/// Counter rules run on Asia/Tokyo time, whatever the server's zone. Japan has no daylight saving time,
/// but the zone is still looked up so a future change of law is a tzdata update, not a code change.
/// </summary>
public static class TokyoClock
{
    private static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>The current wall-clock time in Tokyo.</summary>
    public static DateTime Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return ToTokyo(time.GetUtcNow());
    }

    /// <summary>Today's date in Tokyo.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time));

    /// <summary>An instant as Tokyo wall-clock time.</summary>
    public static DateTime ToTokyo(DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, Zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>A Tokyo wall-clock time as an instant.</summary>
    public static DateTimeOffset FromTokyo(DateTime wallClock) =>
        new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Zone.GetUtcOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified)));

    private static TimeZoneInfo FindZone()
    {
        // IANA id first (Linux, and Windows with ICU); the fixed +09:00 zone if the host has no tz data at all.
        if (TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Tokyo", out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "Asia/Tokyo", "JST");
    }
}
