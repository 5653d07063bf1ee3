using System.Collections.Frozen;

namespace CounterApp.Domain.Calendar;

/// <summary>
/// The national holidays of Japan for 2000–2050, computed by the rules of the Act on National Holidays
/// (国民の祝日に関する法律) and the special laws of 2019–2021. Equinox days come from the standard approximation;
/// a future change of law or an unusual gazette announcement needs a code change here.
/// </summary>
public static class JapaneseHolidays
{
    public const int FirstYear = 2000;
    public const int LastYear = 2050;

    /// <summary>The name used for a 振替休日 (Article 3(2)); the Cabinet Office table just says 休日.</summary>
    public const string SubstituteHolidayName = "振替休日";

    /// <summary>The name used for a 国民の休日 (Article 3(3)); the Cabinet Office table just says 休日.</summary>
    public const string CitizensHolidayName = "国民の休日";

    // The 2005 amendment (in force 2007-01-01) changed both Article 3 rules.
    private const int AmendedArticle3From = 2007;

    private static readonly FrozenDictionary<int, IReadOnlyList<Holiday>> ByYear =
        Enumerable.Range(FirstYear, LastYear - FirstYear + 1).ToFrozenDictionary(y => y, Compute);

    private static readonly FrozenDictionary<DateOnly, string> ByDate =
        ByYear.Values.SelectMany(list => list).ToFrozenDictionary(h => h.Date, h => h.Name);

    /// <summary>True when the day is a national holiday, a substitute holiday or a citizens' holiday.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000–2050.</exception>
    public static bool IsHoliday(DateOnly date) => NameOf(date) is not null;

    /// <summary>The holiday's Japanese name, or null when the day is not a holiday.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000–2050.</exception>
    public static string? NameOf(DateOnly date)
    {
        RequireKnownYear(date.Year, nameof(date));
        return ByDate.GetValueOrDefault(date);
    }

    /// <summary>Every holiday of the year, in date order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000–2050.</exception>
    public static IReadOnlyList<Holiday> InYear(int year)
    {
        RequireKnownYear(year, nameof(year));
        return ByYear[year];
    }

    private static void RequireKnownYear(int year, string paramName)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(paramName, year, $"Holidays are known for {FirstYear}–{LastYear} only.");
        }
    }

    private static IReadOnlyList<Holiday> Compute(int year)
    {
        var named = HolidayLaw.NamedDays(year).ToDictionary(h => h.Date, h => h.Name);
        var all = new Dictionary<DateOnly, string>(named);
        var amended = year >= AmendedArticle3From;

        // Article 3(2): a national holiday on a Sunday gives the next day off; since 2007 the next day that is
        // not itself a national holiday (so 5/3 on a Sunday moves to 5/6), before 2007 only the Monday.
        foreach (var sunday in named.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday))
        {
            var next = sunday.AddDays(1);
            while (amended && named.ContainsKey(next))
            {
                next = next.AddDays(1);
            }

            if (!named.ContainsKey(next))
            {
                all.TryAdd(next, SubstituteHolidayName);
            }
        }

        // Article 3(3): a day between two national holidays is a holiday too; before 2007 not when it was a
        // Sunday or already a substitute holiday (which is why 5/4 before 2007 was 国民の休日 only on Tuesday–Saturday).
        for (var day = new DateOnly(year, 1, 2); day.Year == year; day = day.AddDays(1))
        {
            var sandwiched = !named.ContainsKey(day) && named.ContainsKey(day.AddDays(-1)) && named.ContainsKey(day.AddDays(1));
            var excluded = !amended && day.DayOfWeek == DayOfWeek.Sunday;
            if (sandwiched && !excluded)
            {
                all.TryAdd(day, CitizensHolidayName);
            }
        }

        return all.OrderBy(e => e.Key).Select(e => new Holiday(e.Key, e.Value)).ToList();
    }
}
