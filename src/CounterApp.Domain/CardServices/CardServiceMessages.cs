using CounterApp.Domain.Rules;

namespace CounterApp.Domain.CardServices;

/// <summary>Messages of the R-CA rules; texts in CardServiceMessages.resx (Japanese) and .en.resx.</summary>
internal static class CardServiceMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(CardServiceMessages));
}
