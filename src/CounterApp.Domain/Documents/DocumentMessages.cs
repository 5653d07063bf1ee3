using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Documents;

/// <summary>Messages of the R-ID rules; texts in DocumentMessages.resx (Japanese) and .en.resx.</summary>
internal static class DocumentMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(DocumentMessages));
}
