using CounterApp.Domain.Periods;

namespace CounterApp.Domain.Tests.Periods;

[Trait("Rule", "R-EL-04")]
public sealed class LegalAgeTests
{
    [Theory]
    [InlineData(2011, 11, 22, 2026, 11, 21, 14)] // the day before the 15th birthday: attains 15 only at its end
    [InlineData(2011, 11, 22, 2026, 11, 22, 15)]
    [InlineData(2012, 2, 29, 2027, 2, 28, 14)] // common year: attains 15 at the end of 28 February
    [InlineData(2012, 2, 29, 2027, 3, 1, 15)]
    [InlineData(2012, 2, 29, 2028, 2, 28, 15)] // leap year: attains 16 at the end of 28 February, the day before 29 February
    [InlineData(2012, 2, 29, 2028, 2, 29, 16)]
    [InlineData(2012, 2, 28, 2027, 2, 27, 14)]
    [InlineData(2012, 2, 28, 2027, 2, 28, 15)]
    [InlineData(2012, 3, 1, 2027, 2, 28, 14)]
    [InlineData(2012, 3, 1, 2027, 3, 1, 15)]
    [InlineData(2012, 3, 1, 2028, 2, 29, 15)]
    [InlineData(2012, 3, 1, 2028, 3, 1, 16)]
    [InlineData(2010, 1, 1, 2024, 12, 31, 14)] // 1 January: attains the age at the end of 31 December
    [InlineData(2010, 1, 1, 2025, 1, 1, 15)]
    [InlineData(2010, 1, 1, 2025, 12, 31, 15)]
    [InlineData(2010, 12, 31, 2025, 12, 30, 14)] // 31 December: attains the age at the end of 30 December
    [InlineData(2010, 12, 31, 2025, 12, 31, 15)]
    [InlineData(2011, 11, 22, 2011, 11, 22, 0)] // the birth day itself
    public void AgeOn_WhenAroundTheBirthday_ChangesOnTheAnniversaryDay(int by, int bm, int bd, int y, int m, int d, int age)
    {
        Assert.Equal(age, LegalAge.AgeOn(new DateOnly(by, bm, bd), new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData(2011, 11, 22, 15, 2026, 11, 21)]
    [InlineData(2012, 2, 29, 15, 2027, 2, 28)]
    [InlineData(2012, 2, 29, 16, 2028, 2, 28)]
    [InlineData(2012, 2, 29, 4, 2016, 2, 28)]
    [InlineData(2012, 3, 1, 16, 2028, 2, 29)]
    [InlineData(2010, 1, 1, 15, 2024, 12, 31)]
    [InlineData(2010, 12, 31, 15, 2025, 12, 30)]
    [InlineData(2011, 11, 22, 0, 2011, 11, 21)]
    public void DayOfAttaining_WhenAskedForAnAge_IsTheDayBeforeTheAnniversaryOrTheLastDayOfFebruary(int by, int bm, int bd, int age, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), LegalAge.DayOfAttaining(new DateOnly(by, bm, bd), age));
    }

    [Fact]
    public void DayOfAttaining_WhenAgeNegative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalAge.DayOfAttaining(new DateOnly(2011, 11, 22), -1));
    }

    [Fact]
    public void AgeOn_WhenDayBeforeBirth_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalAge.AgeOn(new DateOnly(2011, 11, 22), new DateOnly(2011, 11, 21)));
    }

    [Fact]
    public void AgeOn_WhenEveryBirthDate2007To2012ByEveryDay2022To2028_AgreesWithTheIndependentFormulation()
    {
        // Leap birth years (2008, 2012) and leap counter years (2024, 2028) on both sides of the 15th birthday.
        for (var birth = new DateOnly(2007, 1, 1); birth <= new DateOnly(2012, 12, 31); birth = birth.AddDays(1))
        {
            for (var day = new DateOnly(2022, 1, 1); day <= new DateOnly(2028, 12, 31); day = day.AddDays(1))
            {
                var expected = IndependentCalendar.AgeOn(birth, day);
                var actual = LegalAge.AgeOn(birth, day);
                if (actual != expected)
                {
                    Assert.Fail($"Born {birth:yyyy-MM-dd}, on {day:yyyy-MM-dd}: expected {expected}, got {actual}.");
                }
            }
        }
    }

    [Fact]
    public void DayOfAttaining_WhenEveryBirthDate2000To2050_AgreesWithTheIndependentFormulationAndAgeOnTurnsTheNextDay()
    {
        int[] ages = [1, 4, 15, 18, 20, 100];
        for (var birth = new DateOnly(2000, 1, 1); birth <= new DateOnly(2050, 12, 31); birth = birth.AddDays(1))
        {
            foreach (var age in ages)
            {
                var attaining = LegalAge.DayOfAttaining(birth, age);
                Assert.Equal(IndependentCalendar.DayOfAttaining(birth, age), attaining);
                Assert.Equal(age - 1, LegalAge.AgeOn(birth, attaining));
                Assert.Equal(age, LegalAge.AgeOn(birth, DateOnly.FromDayNumber(attaining.DayNumber + 1)));
            }
        }
    }
}
