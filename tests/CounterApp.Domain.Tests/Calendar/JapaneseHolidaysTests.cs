using CounterApp.Domain.Calendar;

namespace CounterApp.Domain.Tests.Calendar;

/// <summary>Spot checks outside the published 2012–2026 table: the law's transitions and its rarer cases.</summary>
[Trait("Rule", "R-HR-02")]
public sealed class JapaneseHolidaysTests
{
    [Theory]
    // Happy Monday from 2000 (成人の日, 体育の日) and 2003 (海の日, 敬老の日); fixed dates before.
    [InlineData(2000, 1, 10, "成人の日")]
    [InlineData(2000, 10, 9, "体育の日")]
    [InlineData(2000, 7, 20, "海の日")]
    [InlineData(2002, 7, 20, "海の日")]
    [InlineData(2003, 7, 21, "海の日")]
    [InlineData(2002, 9, 15, "敬老の日")]
    [InlineData(2003, 9, 15, "敬老の日")]
    [InlineData(2004, 9, 20, "敬老の日")]
    // みどりの日 on 4/29 until 2006; from 2007 昭和の日 on 4/29 and みどりの日 on 5/4.
    [InlineData(2006, 4, 29, "みどりの日")]
    [InlineData(2007, 4, 29, "昭和の日")]
    [InlineData(2007, 5, 4, "みどりの日")]
    // Before 2007, 5/4 between two holidays was a 国民の休日 unless a Sunday (Saturday counts).
    [InlineData(2000, 5, 4, "国民の休日")]
    [InlineData(2002, 5, 4, "国民の休日")]
    [InlineData(2006, 5, 4, "国民の休日")]
    // Before 2007 the substitute is the Monday after a Sunday holiday.
    [InlineData(2001, 12, 24, "振替休日")]
    [InlineData(2002, 9, 16, "振替休日")]
    [InlineData(2006, 1, 2, "振替休日")]
    // From 2007, the next day that is not a holiday: 4/29/2007 Sunday gives 4/30; 5/4/2008 Sunday gives Tuesday 5/6.
    [InlineData(2007, 4, 30, "振替休日")]
    [InlineData(2008, 5, 6, "振替休日")]
    [InlineData(2009, 5, 6, "振替休日")]
    [InlineData(2030, 8, 12, "振替休日")]
    [InlineData(2048, 2, 24, "振替休日")]
    // Citizens' holidays between 敬老の日 and 秋分の日.
    [InlineData(2009, 9, 22, "国民の休日")]
    [InlineData(2032, 9, 21, "国民の休日")]
    [InlineData(2037, 9, 22, "国民の休日")]
    [InlineData(2043, 9, 22, "国民の休日")]
    [InlineData(2049, 9, 21, "国民の休日")]
    // Equinoxes by the standard formula, including the years where they move to the 20th / 22nd.
    [InlineData(2000, 3, 20, "春分の日")]
    [InlineData(2011, 3, 21, "春分の日")]
    [InlineData(2027, 3, 21, "春分の日")]
    [InlineData(2050, 3, 20, "春分の日")]
    [InlineData(2011, 9, 23, "秋分の日")]
    [InlineData(2044, 9, 22, "秋分の日")]
    [InlineData(2045, 9, 22, "秋分の日")]
    [InlineData(2050, 9, 23, "秋分の日")]
    // The emperor's birthday moved with the 2019 accession; 山の日 from 2016.
    [InlineData(2018, 12, 23, "天皇誕生日")]
    [InlineData(2020, 2, 23, "天皇誕生日")]
    [InlineData(2016, 8, 11, "山の日")]
    [InlineData(2022, 10, 10, "スポーツの日")]
    public void NameOf_WhenHolidayByLaw_ReturnsItsName(int y, int m, int d, string name)
    {
        var date = new DateOnly(y, m, d);

        Assert.Equal(name, JapaneseHolidays.NameOf(date));
        Assert.True(JapaneseHolidays.IsHoliday(date));
    }

    [Theory]
    [InlineData(2003, 5, 4)]   // Sunday between two holidays before 2007: not a 国民の休日
    [InlineData(2007, 5, 6)]   // a Sunday; 5/3/2007 was a Thursday, so no substitute either
    [InlineData(2015, 8, 11)]  // before 山の日 existed
    [InlineData(2019, 12, 23)] // no emperor's birthday in 2019
    [InlineData(2019, 2, 23)]
    [InlineData(2020, 8, 11)]  // 山の日 moved to 8/10 for the Olympics
    [InlineData(2020, 10, 12)] // スポーツの日 moved to 7/24
    [InlineData(2021, 7, 19)]  // 海の日 moved to 7/22
    [InlineData(2021, 10, 11)]
    [InlineData(2021, 8, 11)]
    [InlineData(2000, 1, 15)]  // 成人の日 was 1/15 until 1999
    [InlineData(2050, 12, 31)]
    public void NameOf_WhenOrdinaryDay_ReturnsNull(int y, int m, int d)
    {
        var date = new DateOnly(y, m, d);

        Assert.Null(JapaneseHolidays.NameOf(date));
        Assert.False(JapaneseHolidays.IsHoliday(date));
    }

    [Theory]
    [InlineData(1999, 12, 31)]
    [InlineData(2051, 1, 1)]
    public void IsHoliday_WhenOutside2000To2050_Throws(int y, int m, int d)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.IsHoliday(new DateOnly(y, m, d)));
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.InYear(y));
    }

    [Fact]
    public void InYear_WhenAnyYear_IsInDateOrderWithinTheYear()
    {
        for (var year = JapaneseHolidays.FirstYear; year <= JapaneseHolidays.LastYear; year++)
        {
            var dates = JapaneseHolidays.InYear(year).Select(h => h.Date).ToList();

            Assert.All(dates, d => Assert.Equal(year, d.Year));
            Assert.Equal(dates.Order(), dates);
            Assert.Equal(dates.Count, dates.Distinct().Count());
        }
    }

    [Fact]
    public void InYear_WhenHolidayFallsOnSunday_AlwaysGivesASubstituteOnAWeekday()
    {
        // Independent of the construction: every Sunday holiday is followed, after a run of holidays, by a 振替休日.
        for (var year = JapaneseHolidays.FirstYear; year <= JapaneseHolidays.LastYear; year++)
        {
            foreach (var sunday in JapaneseHolidays.InYear(year).Where(h => h.Date.DayOfWeek == DayOfWeek.Sunday && h.Name != JapaneseHolidays.CitizensHolidayName))
            {
                var next = sunday.Date.AddDays(1);
                while (JapaneseHolidays.NameOf(next) is { } name && name != JapaneseHolidays.SubstituteHolidayName)
                {
                    next = next.AddDays(1);
                }

                Assert.Equal(JapaneseHolidays.SubstituteHolidayName, JapaneseHolidays.NameOf(next));
                Assert.NotEqual(DayOfWeek.Sunday, next.DayOfWeek);
            }
        }
    }
}
