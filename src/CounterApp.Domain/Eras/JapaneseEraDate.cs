using System.Globalization;

namespace CounterApp.Domain.Eras;

/// <summary>
/// R-X-04: dates for residents in the Japanese era form, e.g. 令和8年11月22日, the first year written 元年,
/// optionally with the Gregorian year: 令和8年(2026年)11月22日. The era changes on its first day
/// (2019-04-30 is 平成31年, 2019-05-01 is 令和元年).
/// </summary>
public static class JapaneseEraDate
{
    /// <summary>The era and the year within it (1 = 元年).</summary>
    public static (JapaneseEra Era, int Year) EraOf(DateOnly date)
    {
        if (date < JapaneseEra.Earliest)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Dates before {JapaneseEra.Earliest:yyyy-MM-dd} (the Gregorian reform) have no era form here.");
        }

        var era = JapaneseEra.All.First(e => date >= e.FirstDay);
        return (era, date.Year - era.FirstDay.Year + 1);
    }

    /// <summary>令和8年11月22日.</summary>
    public static string Format(DateOnly date) => Format(date, withGregorianYear: false);

    /// <summary>
    /// 令和8年11月22日, or with <paramref name="withGregorianYear"/> 令和8年(2026年)11月22日. A date before the era table
    /// (1873-01-01) has no era form: it is written in the Gregorian calendar (1872年12月31日), never an exception.
    /// </summary>
    public static string Format(DateOnly date, bool withGregorianYear)
    {
        if (date < JapaneseEra.Earliest)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
        }

        var (era, year) = EraOf(date);
        var yearText = year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
        var gregorian = withGregorianYear ? $"({date.Year}年)" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{era.Name}{yearText}年{gregorian}{date.Month}月{date.Day}日");
    }
}
