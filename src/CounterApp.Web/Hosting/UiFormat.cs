using System.Globalization;
using CounterApp.Domain.Eras;
using CounterApp.Domain.Time;

namespace CounterApp.Web.Hosting;

/// <summary>
/// Dates and times as every page shows them to people (R-X-04): in Japanese the era first with the Gregorian year beside
/// (令和8年(2026年)12月8日), times in Asia/Tokyo; in English ISO (2026-12-08). Inputs of type=date, URLs and audit
/// details keep ISO: only text shown to people goes through here.
/// </summary>
public static class UiFormat
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>令和8年(2026年)12月8日; before the era table (1873) 1872年12月31日.</summary>
    public static string Date(DateOnly date) =>
        English ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : date < JapaneseEra.Earliest ? string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日")
        : JapaneseEraDate.Format(date, withGregorianYear: true);

    /// <summary>A Tokyo wall-clock time: 令和8年(2026年)12月8日 9:05.</summary>
    public static string DateTime(DateTime tokyo) =>
        Date(DateOnly.FromDateTime(tokyo)) + " " + tokyo.ToString("H:mm", CultureInfo.InvariantCulture);

    /// <summary>A Tokyo wall-clock time to the second: 令和8年(2026年)12月8日 9:05:30.</summary>
    public static string DateTimeSeconds(DateTime tokyo) =>
        Date(DateOnly.FromDateTime(tokyo)) + " " + tokyo.ToString("H:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>An instant in Tokyo time: 令和8年(2026年)12月8日 9:05.</summary>
    public static string Instant(DateTimeOffset instant) => DateTime(TokyoClock.ToTokyo(instant));

    /// <summary>An instant in Tokyo time to the second: 令和8年(2026年)12月8日 9:05:30.</summary>
    public static string InstantSeconds(DateTimeOffset instant) => DateTimeSeconds(TokyoClock.ToTokyo(instant));

    /// <summary>A UTC time as the database stores it, in Tokyo time: 令和8年(2026年)12月8日 9:05.</summary>
    public static string Utc(DateTime utc) => Instant(new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
