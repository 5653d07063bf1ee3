using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Eligibility;

/// <summary>Messages of the R-EL rules; texts in EligibilityMessages.resx (Japanese) and .en.resx.</summary>
internal static class EligibilityMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(EligibilityMessages));
}
