using System.Globalization;

namespace CounterApp.Domain.Calendar;

/// <summary>An office's hours as a clerk reads them, e.g. "平日 8:30～12:00、13:00～16:30", in the current UI culture.</summary>
internal static class CounterScheduleText
{
    public static string Describe(OfficeHours hours)
    {
        var catalog = CalendarMessages.Catalog;
        var days = hours.OpensOnWeekdaysOnly
            ? catalog.Format("Weekdays")
            : string.Join(catalog.Format("DaySeparator"), hours.OpenDays.Select(DayName));
        var sessions = string.Join(
            catalog.Format("SessionSeparator"),
            hours.Sessions.Select(s => catalog.Format("SessionRange", Clock(s.Start), Clock(s.End))));
        return catalog.Format("Schedule", days, sessions);
    }

    public static string DayName(DayOfWeek day) => CalendarMessages.Catalog.Format(day switch
    {
        DayOfWeek.Monday => "Day_Monday",
        DayOfWeek.Tuesday => "Day_Tuesday",
        DayOfWeek.Wednesday => "Day_Wednesday",
        DayOfWeek.Thursday => "Day_Thursday",
        DayOfWeek.Friday => "Day_Friday",
        DayOfWeek.Saturday => "Day_Saturday",
        _ => "Day_Sunday",
    });

    // 8:30 rather than 08:30: how counter hours are written on municipal pages, in both languages.
    private static string Clock(TimeOnly time) => time.ToString("H:mm", CultureInfo.InvariantCulture);
}
