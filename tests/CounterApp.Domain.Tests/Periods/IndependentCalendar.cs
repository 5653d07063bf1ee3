namespace CounterApp.Domain.Tests.Periods;

/// <summary>
/// A second, deliberately naive formulation of the period rules for the sweep tests: plain year/month/day
/// arithmetic over a days-in-month table, never DateOnly.AddMonths/AddYears/AddDays, so a shared mistake
/// in the framework's clamping cannot make the implementation and its oracle agree by accident.
/// </summary>
internal static class IndependentCalendar
{
    private static readonly int[] DaysInCommonYear = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    public static bool IsLeapYear(int year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    public static int DaysIn(int year, int month) => month == 2 && IsLeapYear(year) ? 29 : DaysInCommonYear[month - 1];

    public static (int Year, int Month, int Day) NextDay((int Year, int Month, int Day) d)
    {
        if (d.Day < DaysIn(d.Year, d.Month))
        {
            return (d.Year, d.Month, d.Day + 1);
        }

        return d.Month < 12 ? (d.Year, d.Month + 1, 1) : (d.Year + 1, 1, 1);
    }

    public static (int Year, int Month, int Day) PreviousDay((int Year, int Month, int Day) d)
    {
        if (d.Day > 1)
        {
            return (d.Year, d.Month, d.Day - 1);
        }

        var (year, month) = d.Month > 1 ? (d.Year, d.Month - 1) : (d.Year - 1, 12);
        return (year, month, DaysIn(year, month));
    }

    /// <summary>The year and month <paramref name="months"/> months on (negative: back).</summary>
    public static (int Year, int Month) ShiftMonth(int year, int month, int months)
    {
        var index = (year * 12) + (month - 1) + months;
        return (index / 12, (index % 12) + 1);
    }

    /// <summary>
    /// Civil Code arts. 140/143 spelled out: skip the event day, find the 起算日's day number in the last month;
    /// if that month has it, end the day before, else end with the month.
    /// </summary>
    public static DateOnly CivilEnd(DateOnly eventDay, int months)
    {
        var start = NextDay(Parts(eventDay));
        var (year, month) = ShiftMonth(start.Year, start.Month, months);
        var last = DaysIn(year, month);
        return start.Day <= last ? ToDate(PreviousDay((year, month, start.Day))) : new DateOnly(year, month, last);
    }

    /// <summary>R-CE-04 as written: the same day number three months earlier, or that month's last day.</summary>
    public static DateOnly RenewalOpening(DateOnly expiresOn)
    {
        var (year, month) = ShiftMonth(expiresOn.Year, expiresOn.Month, -3);
        return new DateOnly(year, month, Math.Min(expiresOn.Day, DaysIn(year, month)));
    }

    /// <summary>
    /// R-EL-04 from the Civil Code: the birth day counts (年齢計算ニ関スル法律), so age N is attained at the end of
    /// the day before the birth day's corresponding day N years on, or at the end of the month when it has none.
    /// </summary>
    public static DateOnly DayOfAttaining(DateOnly birth, int age)
    {
        var year = birth.Year + age;
        var last = DaysIn(year, birth.Month);
        return birth.Day <= last ? ToDate(PreviousDay((year, birth.Month, birth.Day))) : new DateOnly(year, birth.Month, last);
    }

    /// <summary>Age on a whole day: years passed, less one while this year's birthday (1 March for 29 February in a common year) is still ahead.</summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var (birthdayMonth, birthdayDay) = birth.Month == 2 && birth.Day == 29 && !IsLeapYear(day.Year) ? (3, 1) : (birth.Month, birth.Day);
        var beforeBirthday = day.Month < birthdayMonth || (day.Month == birthdayMonth && day.Day < birthdayDay);
        return day.Year - birth.Year - (beforeBirthday ? 1 : 0);
    }

    private static (int Year, int Month, int Day) Parts(DateOnly d) => (d.Year, d.Month, d.Day);

    private static DateOnly ToDate((int Year, int Month, int Day) d) => new(d.Year, d.Month, d.Day);
}
