using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Credentials;

/// <summary>Messages of the R-CE-05 / R-CA-01 rules; texts in CredentialMessages.resx (Japanese) and .en.resx.</summary>
internal static class CredentialMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(CredentialMessages));
}
