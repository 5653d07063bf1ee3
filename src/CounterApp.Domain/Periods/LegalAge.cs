namespace CounterApp.Domain.Periods;

/// <summary>
/// R-EL-04: age under the Act on Calculation of Age (年齢計算ニ関スル法律) and Civil Code art. 143:
/// a person attains age N at the end of the day before the Nth anniversary of their birth. So on a whole
/// counter day D they are N from the anniversary day itself; someone born on 29 February attains it at the
/// end of 28 February in a common year, i.e. is N from 1 March.
/// </summary>
public static class LegalAge
{
    /// <summary>The last day on which the person is still N-1: they attain N at the end of this day.</summary>
    public static DateOnly DayOfAttaining(DateOnly birthDate, int age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(age);
        if (age == 0)
        {
            return birthDate.AddDays(-1);
        }

        var year = birthDate.Year + age;
        // The anniversary day; 29 February in a common year has none, and the period then ends with
        // the last day of February (Civil Code art. 143(2)).
        return birthDate.Month == 2 && birthDate.Day == 29 && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 2, 28)
            : new DateOnly(year, birthDate.Month, birthDate.Day).AddDays(-1);
    }

    /// <summary>The age held for the whole of day <paramref name="day"/>.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        if (day < birthDate)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The day is before the birth date.");
        }

        var age = day.Year - birthDate.Year;
        // Not yet attained this year's age if the day of attaining is today or later.
        return DayOfAttaining(birthDate, age) >= day ? age - 1 : age;
    }
}
