using System.Collections.Frozen;

namespace CounterApp.Domain.Calendar;

/// <summary>
/// An office's counter calendar for certificate procedures (R-HR-01, R-HR-02): the days of the week it is open,
/// the sessions of an open day, and its 休日開庁日 (days the town hall opens but certificate services do not).
/// National holidays and the year-end closure always close the counter.
/// </summary>
public sealed class OfficeHours
{
    // Longer than any run of closed days the law and a sane configuration can produce; only a configuration
    // that closes every day reaches it.
    private const int SearchDays = 366;

    private static readonly DayOfWeek[] MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <param name="sessions">The sessions of an open day; at least one, none overlapping.</param>
    /// <param name="openDays">The days of the week the counter opens; Monday–Friday when null.</param>
    /// <param name="holidayOpeningDays">休日開庁日: the counter is closed on these days whatever their weekday.</param>
    public OfficeHours(
        IEnumerable<CounterSession> sessions,
        IEnumerable<DayOfWeek>? openDays = null,
        IEnumerable<DateOnly>? holidayOpeningDays = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var ordered = sessions.OrderBy(s => s.Start).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("An office needs at least one counter session.", nameof(sessions));
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Start < ordered[i - 1].End)
            {
                throw new ArgumentException("Counter sessions must not overlap.", nameof(sessions));
            }
        }

        // Monday first, the order a Japanese schedule is written in.
        var days = (openDays ?? MondayToFriday).Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        if (days.Count == 0)
        {
            throw new ArgumentException("An office needs at least one open day of the week.", nameof(openDays));
        }

        Sessions = ordered;
        OpenDays = days;
        HolidayOpeningDays = (holidayOpeningDays ?? []).ToFrozenSet();
    }

    /// <summary>Monday–Friday 08:30–12:00 and 13:00–16:30, no 休日開庁日 (SPEC R-HR-01 and the demo seed).</summary>
    public static OfficeHours Default { get; } = new(
    [
        new CounterSession(new TimeOnly(8, 30), new TimeOnly(12, 0)),
        new CounterSession(new TimeOnly(13, 0), new TimeOnly(16, 30)),
    ]);

    /// <summary>The sessions of an open day, in time order.</summary>
    public IReadOnlyList<CounterSession> Sessions { get; }

    /// <summary>The days of the week the counter opens, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> OpenDays { get; }

    /// <summary>休日開庁日: town-hall opening days on which certificate procedures are not offered.</summary>
    public IReadOnlySet<DateOnly> HolidayOpeningDays { get; }

    /// <summary>True when the counter runs Monday to Friday, the usual case (the message then says 平日).</summary>
    public bool OpensOnWeekdaysOnly => OpenDays.SequenceEqual(MondayToFriday);

    /// <summary>The same hours with this list of 休日開庁日 instead.</summary>
    public OfficeHours WithHolidayOpeningDays(IEnumerable<DateOnly> days) => new(Sessions, OpenDays, days);

    /// <summary>True when the day is closed by R-HR-02: a national holiday, the year-end closure or a 休日開庁日.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the years holidays are known for (2000–2050).</exception>
    public bool IsClosedDay(DateOnly date) =>
        HolidayOpeningDays.Contains(date) || YearEndClosure.Contains(date) || JapaneseHolidays.IsHoliday(date);

    /// <summary>True when the counter accepts procedures at some time of this day.</summary>
    public bool IsOpenDay(DateOnly date) => OpenDays.Contains(date.DayOfWeek) && !IsClosedDay(date);

    /// <summary>True when the counter accepts certificate procedures at this Tokyo wall-clock time.</summary>
    public bool IsOpen(DateTime tokyoNow)
    {
        TokyoWallClock.Require(tokyoNow, nameof(tokyoNow));
        var time = TimeOnly.FromDateTime(tokyoNow);
        return IsOpenDay(DateOnly.FromDateTime(tokyoNow)) && Sessions.Any(s => s.Contains(time));
    }

    /// <summary>
    /// The first moment at or after <paramref name="tokyoNow"/> when the counter accepts procedures (R-HR-03):
    /// <paramref name="tokyoNow"/> itself while open, otherwise the start of the next session on an open day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The search runs past 2050, the last year holidays are known for.</exception>
    public DateTime NextOpening(DateTime tokyoNow)
    {
        TokyoWallClock.Require(tokyoNow, nameof(tokyoNow));
        var today = DateOnly.FromDateTime(tokyoNow);
        var now = TimeOnly.FromDateTime(tokyoNow);
        for (var i = 0; i <= SearchDays; i++)
        {
            var day = today.AddDays(i);
            if (!IsOpenDay(day))
            {
                continue;
            }

            foreach (var session in Sessions)
            {
                if (i > 0 || session.Start >= now)
                {
                    return day.ToDateTime(session.Start);
                }

                if (session.Contains(now))
                {
                    return tokyoNow;
                }
            }
        }

        throw new InvalidOperationException($"The counter does not open within {SearchDays} days of {tokyoNow:yyyy-MM-dd}; check the office's hours.");
    }
}
