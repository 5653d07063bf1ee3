using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Periods;

/// <summary>Messages of the period rules (R-CE-03, R-CE-04); texts in PeriodMessages.resx (Japanese) and .en.resx.</summary>
internal static class PeriodMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(PeriodMessages));
}
