namespace CounterApp.Domain.Calendar;

/// <summary>
/// The equinox days (春分の日, 秋分の日). The law fixes them only a year ahead, by the National Astronomical
/// Observatory's gazette; the standard approximation below reproduces those announcements for 1980–2099.
/// </summary>
internal static class Equinox
{
    private const long Million = 1_000_000;

    /// <summary>20.8431 + 0.242194·(y − 1980) − ⌊(y − 1980)/4⌋, floored, in March.</summary>
    public static DateOnly Vernal(int year) => new(year, 3, Day(20_843_100, year));

    /// <summary>23.2488 + 0.242194·(y − 1980) − ⌊(y − 1980)/4⌋, floored, in September.</summary>
    public static DateOnly Autumnal(int year) => new(year, 9, Day(23_248_800, year));

    private static int Day(long baseMillionths, int year)
    {
        if (year is < 1980 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The equinox approximation holds for 1980–2099 only.");
        }

        // Integer millionths, not double: some years land within 0.001 of a day boundary (e.g. autumn 2012: 22.999008).
        var n = year - 1980;
        return (int)((baseMillionths + (242_194 * n) - (Million * (n / 4))) / Million);
    }
}
