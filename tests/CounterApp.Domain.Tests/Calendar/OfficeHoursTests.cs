using CounterApp.Domain.Calendar;

namespace CounterApp.Domain.Tests.Calendar;

public sealed class OfficeHoursTests
{
    private static readonly OfficeHours Hours = OfficeHours.Default;

    private static DateTime At(int y, int m, int d, int h, int min, int s = 0) => new(y, m, d, h, min, s);

    [Theory]
    [Trait("Rule", "R-HR-01")]
    // Wednesday 2026-11-25: sessions are [08:30, 12:00) and [13:00, 16:30).
    [InlineData(8, 29, 59, false)]
    [InlineData(8, 30, 0, true)]
    [InlineData(11, 59, 59, true)]
    [InlineData(12, 0, 0, false)]
    [InlineData(12, 59, 59, false)]
    [InlineData(13, 0, 0, true)]
    [InlineData(16, 29, 59, true)]
    [InlineData(16, 30, 0, false)]
    [InlineData(0, 0, 0, false)]
    [InlineData(23, 59, 59, false)]
    public void IsOpen_WhenWeekdayAtSessionBoundary_StartsInclusiveEndsExclusive(int h, int m, int s, bool open)
    {
        Assert.Equal(open, Hours.IsOpen(At(2026, 11, 25, h, m, s)));
    }

    [Theory]
    [Trait("Rule", "R-HR-01")]
    [InlineData(2026, 11, 28)] // Saturday
    [InlineData(2026, 11, 22)] // Sunday
    public void IsOpen_WhenWeekendDuringSessionHours_IsFalse(int y, int m, int d)
    {
        Assert.False(Hours.IsOpen(At(y, m, d, 10, 0)));
    }

    [Theory]
    [Trait("Rule", "R-HR-02")]
    [InlineData(2023, 12, 28, true)]  // Thursday, last open day of the year
    [InlineData(2023, 12, 29, false)] // Friday, year-end closure
    [InlineData(2024, 1, 3, false)]   // Wednesday, still closed
    [InlineData(2024, 1, 4, true)]    // Thursday, open again
    [InlineData(2026, 11, 23, false)] // Monday, 勤労感謝の日
    public void IsOpen_WhenYearEndOrHoliday_FollowsTheClosure(int y, int m, int d, bool open)
    {
        Assert.Equal(open, Hours.IsOpen(At(y, m, d, 10, 0)));
    }

    [Fact]
    [Trait("Rule", "R-HR-02")]
    public void IsOpen_WhenHolidayOpeningDayListed_IsFalseEvenOnAWeekday()
    {
        var hours = Hours.WithHolidayOpeningDays([new DateOnly(2026, 11, 25)]);

        Assert.False(hours.IsOpen(At(2026, 11, 25, 10, 0)));
        Assert.True(hours.IsOpen(At(2026, 11, 26, 10, 0)));
    }

    [Theory]
    [Trait("Rule", "R-HR-03")]
    [InlineData("2026-11-25T08:29:59", "2026-11-25T08:30:00")] // before the morning session
    [InlineData("2026-11-25T10:15:00", "2026-11-25T10:15:00")] // open now: now
    [InlineData("2026-11-25T12:00:00", "2026-11-25T13:00:00")] // lunch
    [InlineData("2026-11-25T16:30:00", "2026-11-26T08:30:00")] // after hours: next morning
    [InlineData("2026-11-27T16:30:00", "2026-11-30T08:30:00")] // Friday evening: Monday
    [InlineData("2026-11-20T16:30:00", "2026-11-24T08:30:00")] // Friday before a Monday holiday: Tuesday
    [InlineData("2026-11-22T10:00:00", "2026-11-24T08:30:00")] // Sunday before the Monday holiday
    [InlineData("2023-12-28T16:30:00", "2024-01-04T08:30:00")] // across the year-end closure
    [InlineData("2019-04-26T16:30:00", "2019-05-07T08:30:00")] // the ten-day 2019 Golden Week
    public void NextOpening_WhenGivenMoment_ReturnsFirstMomentTheCounterAccepts(string now, string expected)
    {
        var parsed = DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Hours.NextOpening(parsed));
    }

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void NextOpening_WhenNextMondayIsHolidayOpeningDay_SkipsIt()
    {
        var hours = Hours.WithHolidayOpeningDays([new DateOnly(2026, 11, 30)]);

        Assert.Equal(At(2026, 12, 1, 8, 30), hours.NextOpening(At(2026, 11, 27, 16, 30)));
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    public void OfficeHours_WhenConfiguredPerOffice_UsesItsOwnDaysAndSessions()
    {
        // An office open Monday, Wednesday and Saturday mornings only.
        var hours = new OfficeHours(
            [new CounterSession(new TimeOnly(9, 0), new TimeOnly(11, 30))],
            [DayOfWeek.Saturday, DayOfWeek.Monday, DayOfWeek.Wednesday]);

        Assert.True(hours.IsOpen(At(2026, 11, 28, 9, 0)));   // Saturday
        Assert.False(hours.IsOpen(At(2026, 11, 27, 10, 0))); // Friday
        Assert.False(hours.IsOpen(At(2026, 11, 25, 11, 30))); // Wednesday, session over
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Saturday], hours.OpenDays);
        Assert.Equal(At(2026, 11, 30, 9, 0), hours.NextOpening(At(2026, 11, 28, 11, 30)));
    }

    [Fact]
    public void OfficeHours_WhenSessionsOverlapOrAreMissing_Throws()
    {
        var morning = new CounterSession(new TimeOnly(8, 30), new TimeOnly(12, 0));
        var overlapping = new CounterSession(new TimeOnly(11, 0), new TimeOnly(13, 0));

        Assert.Throws<ArgumentException>(() => new OfficeHours([morning, overlapping]));
        Assert.Throws<ArgumentException>(() => new OfficeHours([]));
        Assert.Throws<ArgumentException>(() => new OfficeHours([morning], []));
        Assert.Throws<ArgumentException>(() => new CounterSession(new TimeOnly(12, 0), new TimeOnly(12, 0)));
    }

    [Fact]
    public void IsOpen_WhenGivenUtcOrServerLocalTime_Throws()
    {
        // A UTC instant read as Tokyo time would be nine hours off; callers convert with TokyoClock first.
        Assert.Throws<ArgumentException>(() => Hours.IsOpen(new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc)));
        Assert.Throws<ArgumentException>(() => Hours.NextOpening(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Local)));
    }
}
