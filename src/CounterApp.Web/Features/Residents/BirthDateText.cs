using System.Globalization;
using System.Text.RegularExpressions;
using CounterApp.Domain.Eras;

namespace CounterApp.Web.Features.Residents;

/// <summary>
/// Reads a birth date as clerks type it: Gregorian (1980-04-02, 1980/4/2, 1980.4.2, 1980年4月2日) or Japanese era
/// (昭和55年4月2日, 昭55.4.2, S55.4.2, 令和元年5月1日, R1.5.1), half- or full-width (the caller has NFKC-normalised).
/// Eras come from <see cref="JapaneseEra.All"/>; an era date past the era's end (平成31年5月1日) or before its start is
/// not a date.
/// </summary>
public static partial class BirthDateText
{
    /// <summary>How the text looks: not a date at all, a date, or date-shaped but impossible (2026-02-30, 平成32年1月1日).</summary>
    public enum Shape
    {
        NotADate,
        Date,
        Impossible,
    }

    public static Shape TryParse(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = default;
        if (Gregorian().Match(text) is { Success: true } g)
        {
            return Make(Number(g.Groups["y"].Value), Number(g.Groups["m"].Value), Number(g.Groups["d"].Value), out date) ? Shape.Date : Shape.Impossible;
        }

        if (Era().Match(text) is not { Success: true } e)
        {
            return Shape.NotADate;
        }

        var era = FindEra(e.Groups["era"].Value);
        if (era is null)
        {
            return Shape.NotADate;
        }

        var year = e.Groups["year"].Value == "元" ? 1 : Number(e.Groups["year"].Value);
        if (year < 1 || !Make(era.FirstDay.Year + year - 1, Number(e.Groups["m"].Value), Number(e.Groups["d"].Value), out date))
        {
            return Shape.Impossible;
        }

        // The date must lie in that era: 昭和64年1月8日 is already 平成元年.
        return date >= JapaneseEra.Earliest && JapaneseEraDate.EraOf(date).Era == era ? Shape.Date : Shape.Impossible;
    }

    // The era as written: its name (昭和), its first character (昭) or its English initial (S, s).
    private static JapaneseEra? FindEra(string token) => JapaneseEra.All.FirstOrDefault(era =>
        token == era.Name
        || (token.Length == 1 && token[0] == era.Name[0])
        || (token.Length == 1 && char.ToUpperInvariant(token[0]) == era.EnglishName[0]));

    private static bool Make(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})|年(?<m>\d{1,2})月(?<d>\d{1,2})日?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Gregorian();

    [GeneratedRegex(@"^(?<era>[\p{IsCJKUnifiedIdeographs}]{1,2}|[A-Za-z])(?<year>元|\d{1,2})(?:[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})|年(?<m>\d{1,2})月(?<d>\d{1,2})日?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Era();
}
