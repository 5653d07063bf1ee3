using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Visits;

/// <summary>Messages of the R-VI rules; texts in VisitMessages.resx (Japanese) and .en.resx.</summary>
internal static class VisitMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(VisitMessages));
}
