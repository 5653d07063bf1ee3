using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Calendar;

/// <summary>
/// R-HR-01: certificate procedures only on the office's open days of the week, within its sessions.
/// The message says which (a closed day of the week, or outside the sessions), the hours, and the next opening (R-HR-03).
/// Closed dates (holidays, year-end, 休日開庁日) are R-HR-02's business, so a holiday at 10:00 breaks only R-HR-02.
/// </summary>
internal sealed class OutsideCounterHoursRule(OfficeHours hours, DateTime tokyoNow) : IBusinessRule
{
    public string RuleId => "R-HR-01";

    public string Field => "visit.time";

    private bool OpenDayOfWeek => hours.OpenDays.Contains(tokyoNow.DayOfWeek);

    public bool IsBroken() =>
        !OpenDayOfWeek || !hours.Sessions.Any(s => s.Contains(TimeOnly.FromDateTime(tokyoNow)));

    public string Message
    {
        get
        {
            var schedule = CounterScheduleText.Describe(hours);
            var next = hours.NextOpening(tokyoNow);
            return OpenDayOfWeek
                ? CalendarMessages.Catalog.Format("OutsideSessions", schedule, next)
                : CalendarMessages.Catalog.Format("ClosedDayOfWeek", CounterScheduleText.DayName(tokyoNow.DayOfWeek), schedule, next);
        }
    }
}
