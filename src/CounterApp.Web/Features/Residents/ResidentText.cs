using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Features.Residents;

/// <summary>
/// Marker and reader for the residents feature's text: Resources/Features/Residents/ResidentText.resx (Japanese, the
/// neutral culture) and ResidentText.en.resx. Pages inject <c>IStringLocalizer&lt;ResidentText&gt;</c>; handlers call
/// <see cref="Format"/>.
/// </summary>
public sealed class ResidentText
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.Features.Residents.ResidentText", typeof(ResidentText).Assembly);

    private ResidentText()
    {
    }

    /// <summary>The text with this key for the current UI culture, placeholders filled in.</summary>
    public static string Format(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture) ?? throw new MissingManifestResourceException($"No resident text '{key}'.");
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>The text of a key in one culture, without falling back (null when that culture lacks it).</summary>
    public static string? TextOrNull(string key, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);

    /// <summary>The keys of the Japanese resource, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
}
