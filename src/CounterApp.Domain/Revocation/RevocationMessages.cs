using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Revocation;

/// <summary>Messages of the R-RV rules; texts in RevocationMessages.resx (Japanese) and .en.resx.</summary>
internal static class RevocationMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(RevocationMessages));
}
