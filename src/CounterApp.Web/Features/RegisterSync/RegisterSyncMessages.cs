using System.Globalization;
using System.Resources;

// The marker sits in the root namespace, like UiText, so IStringLocalizer<RegisterSyncMessages> finds
// Resources/RegisterSyncMessages.resx through AddLocalization(ResourcesPath = "Resources").
namespace CounterApp.Web;

/// <summary>
/// Marker for the register sync's messages: Resources/RegisterSyncMessages.resx (Japanese, the neutral culture)
/// and Resources/RegisterSyncMessages.en.resx.
/// </summary>
public sealed class RegisterSyncMessages
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.RegisterSyncMessages", typeof(RegisterSyncMessages).Assembly);

    private RegisterSyncMessages()
    {
    }

    /// <summary>The message with this key for the current UI culture, placeholders filled in.</summary>
    public static string Format(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture)
            ?? throw new MissingManifestResourceException($"No register sync message '{key}'.");
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>The keys of the Japanese resource, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The text of a key in one culture, without falling back (null when that culture lacks it).</summary>
    public static string? TextOrNull(string key, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);
}
