using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;

namespace CounterApp.Domain.Calendar;

/// <summary>
/// R-HR-01..03: may a certificate procedure be accepted at this moment? Every broken rule is returned at once,
/// each message saying why and when the counter opens next; a supervisor's R-HR-03 override sets both aside
/// and the decision records it.
/// </summary>
public static class CounterHoursRules
{
    /// <param name="hours">The office's counter calendar.</param>
    /// <param name="tokyoNow">Tokyo wall-clock time (DateTimeKind.Unspecified), e.g. from <see cref="TokyoClock.Now"/>.</param>
    /// <param name="overrides">Supervisor overrides given for this step; "R-HR-03" covers R-HR-01 and R-HR-02.</param>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the years holidays are known for (2000–2050).</exception>
    public static Decision Check(OfficeHours hours, DateTime tokyoNow, IEnumerable<SupervisorOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(hours);
        TokyoWallClock.Require(tokyoNow, nameof(tokyoNow));
        return Decision.Check([new OutsideCounterHoursRule(hours, tokyoNow), new ClosedDayRule(hours, tokyoNow)], overrides);
    }

    /// <summary>The same check at the current time of <paramref name="time"/>, converted to Tokyo time.</summary>
    public static Decision Check(OfficeHours hours, TimeProvider time, IEnumerable<SupervisorOverride>? overrides = null) =>
        Check(hours, TokyoClock.Now(time), overrides);
}
