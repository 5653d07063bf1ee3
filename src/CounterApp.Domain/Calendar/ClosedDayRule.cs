using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Calendar;

/// <summary>
/// R-HR-02: no certificate procedures on a national holiday, during the year-end closure or on a 休日開庁日,
/// whatever the time of day. One broken rule naming every reason that applies (1 January is both 元日 and
/// the year-end closure), with the next opening (R-HR-03).
/// </summary>
internal sealed class ClosedDayRule(OfficeHours hours, DateTime tokyoNow) : IBusinessRule
{
    private readonly DateOnly _date = DateOnly.FromDateTime(tokyoNow);

    public string RuleId => "R-HR-02";

    public string Field => "visit.date";

    public bool IsBroken() => hours.IsClosedDay(_date);

    public string Message
    {
        get
        {
            var catalog = CalendarMessages.Catalog;
            var reasons = new List<string>();
            if (JapaneseHolidays.NameOf(_date) is { } holiday)
            {
                reasons.Add(catalog.Format("Reason_Holiday", holiday));
            }

            if (YearEndClosure.Contains(_date))
            {
                reasons.Add(catalog.Format("Reason_YearEnd"));
            }

            if (hours.HolidayOpeningDays.Contains(_date))
            {
                reasons.Add(catalog.Format("Reason_HolidayOpeningDay"));
            }

            return catalog.Format("ClosedDay", _date, string.Join(catalog.Format("ReasonSeparator"), reasons), hours.NextOpening(tokyoNow));
        }
    }
}
