using CounterApp.Domain.Calendar;
using CounterApp.Domain.Time;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.DemoTown;

/// <summary>The demo clock of `./build.sh run`: real time inside counter hours, the next opening (+1 h) outside them.</summary>
public sealed class DemoClockTests
{
    [Fact]
    [Trait("Rule", "R-HR-02")]
    public void Now_WhenStartedOnSundayEveningBeforeAHolidayMonday_RunsFromTuesdayMorning()
    {
        // Sunday 2026-11-22 19:20 in Tokyo; Monday the 23rd is 勤労感謝の日.
        var real = new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 19, 20, 0, TimeSpan.FromHours(9)));

        var clock = new DemoClock(real, OfficeHours.Default);

        Assert.Equal(new DateTime(2026, 11, 24, 9, 30, 0), TokyoClock.Now(clock));
        real.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new DateTime(2026, 11, 24, 9, 35, 0), TokyoClock.Now(clock));
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    public void Now_WhenStartedDuringCounterHours_IsTheRealTime()
    {
        var real = new FixedTimeProvider(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(9)));

        var clock = new DemoClock(real, OfficeHours.Default);

        Assert.Equal(TimeSpan.Zero, clock.Offset);
        Assert.Equal(real.GetUtcNow(), clock.GetUtcNow());
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    public void Now_WhenStartedAtLunch_RunsFromAnHourAfterTheAfternoonOpening()
    {
        var real = new FixedTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.FromHours(9)));

        var clock = new DemoClock(real, OfficeHours.Default);

        Assert.Equal(new DateTime(2026, 11, 25, 14, 0, 0), TokyoClock.Now(clock));
    }
}
