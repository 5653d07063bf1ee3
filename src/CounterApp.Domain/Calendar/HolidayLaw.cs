namespace CounterApp.Domain.Calendar;

/// <summary>
/// The days named by Article 2 of the Act on National Holidays (国民の祝日に関する法律) as amended up to 2018,
/// plus the one-off laws of 2019 (the enthronement) and 2020–2021 (the Tokyo Olympics moves),
/// before Article 3 adds substitute and citizens' holidays. Years 2000 onwards only.
/// </summary>
internal static class HolidayLaw
{
    public static IEnumerable<Holiday> NamedDays(int year)
    {
        yield return On(year, 1, 1, "元日");
        yield return new(NthMonday(year, 1, 2), "成人の日");
        yield return On(year, 2, 11, "建国記念の日");
        if (year >= 2020)
        {
            yield return On(year, 2, 23, "天皇誕生日");
        }

        yield return new(Equinox.Vernal(year), "春分の日");

        // 2007: 4/29 became 昭和の日 and みどりの日 moved to 5/4 (which until then was at most a citizens' holiday).
        yield return On(year, 4, 29, year >= 2007 ? "昭和の日" : "みどりの日");
        yield return On(year, 5, 3, "憲法記念日");
        if (year >= 2007)
        {
            yield return On(year, 5, 4, "みどりの日");
        }

        yield return On(year, 5, 5, "こどもの日");
        yield return new(MarineDay(year), "海の日");
        if (year >= 2016)
        {
            yield return new(MountainDay(year), "山の日");
        }

        yield return new(year <= 2002 ? new DateOnly(year, 9, 15) : NthMonday(year, 9, 3), "敬老の日");
        yield return new(Equinox.Autumnal(year), "秋分の日");
        yield return new(SportsDay(year), year >= 2020 ? "スポーツの日" : "体育の日");
        yield return On(year, 11, 3, "文化の日");
        yield return On(year, 11, 23, "勤労感謝の日");
        if (year <= 2018)
        {
            yield return On(year, 12, 23, "天皇誕生日");
        }

        if (year == 2019)
        {
            // Deemed national holidays by the 2018 special law, so they also make 4/30 and 5/2 citizens' holidays.
            yield return On(year, 5, 1, "即位の日");
            yield return On(year, 10, 22, "即位礼正殿の儀");
        }
    }

    private static DateOnly MarineDay(int year) => year switch
    {
        <= 2002 => new DateOnly(year, 7, 20),
        2020 => new DateOnly(2020, 7, 23),
        2021 => new DateOnly(2021, 7, 22),
        _ => NthMonday(year, 7, 3),
    };

    private static DateOnly MountainDay(int year) => year switch
    {
        2020 => new DateOnly(2020, 8, 10),
        2021 => new DateOnly(2021, 8, 8),
        _ => new DateOnly(year, 8, 11),
    };

    private static DateOnly SportsDay(int year) => year switch
    {
        2020 => new DateOnly(2020, 7, 24),
        2021 => new DateOnly(2021, 7, 23),
        _ => NthMonday(year, 10, 2),
    };

    private static Holiday On(int year, int month, int day, string name) => new(new DateOnly(year, month, day), name);

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var toMonday = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toMonday + (7 * (n - 1)));
    }
}
