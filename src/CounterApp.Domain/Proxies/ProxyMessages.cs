using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Proxies;

/// <summary>Messages of the R-PX rules; texts in ProxyMessages.resx (Japanese) and .en.resx.</summary>
internal static class ProxyMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(ProxyMessages));
}
