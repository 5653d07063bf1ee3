using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Calendar;

/// <summary>Messages of the R-HR rules; texts in CalendarMessages.resx (Japanese) and .en.resx.</summary>
internal static class CalendarMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(CalendarMessages));
}
