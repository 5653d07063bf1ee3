namespace CounterApp.Domain.Periods;

/// <summary>
/// Periods of whole months or years counted under the Civil Code (民法 arts. 140, 143). The day of the event
/// is not counted, so counting starts the next day (起算日); the period ends at the end of the day before the
/// day that corresponds to the 起算日 in the last month, or, when that month has no such day, at the end of
/// that month. A simple "event day + N years" is wrong at month ends and for 29 February.
/// </summary>
public static class CivilCodePeriod
{
    /// <summary>The last day (inclusive) of a period of <paramref name="years"/> years that starts after <paramref name="eventDay"/>.</summary>
    public static DateOnly EndOfYears(DateOnly eventDay, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(years);
        return EndOfMonths(eventDay, checked(years * 12));
    }

    /// <summary>The last day (inclusive) of a period of <paramref name="months"/> months that starts after <paramref name="eventDay"/>.</summary>
    public static DateOnly EndOfMonths(DateOnly eventDay, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var firstCountedDay = eventDay.AddDays(1);

        // AddMonths clamps a missing day to the month's last day; that clamped day is exactly where art. 143(2)
        // ends the period, whereas an existing corresponding day ends it one day earlier.
        var corresponding = firstCountedDay.AddMonths(months);
        return corresponding.Day == firstCountedDay.Day ? corresponding.AddDays(-1) : corresponding;
    }
}
