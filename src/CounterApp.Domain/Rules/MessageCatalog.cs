using System.Globalization;
using System.Resources;
using CounterApp.Domain.Eras;

namespace CounterApp.Domain.Rules;

/// <summary>
/// Rule messages from a resource file beside the rules (neutral = Japanese, <c>.en.resx</c> = English),
/// formatted for the current UI culture. Dates are written in the Japanese era form (R-X-04) in Japanese
/// and as ISO dates in English.
/// </summary>
public sealed class MessageCatalog
{
    private readonly ResourceManager _resources;
    private readonly string _baseName;

    /// <param name="resourceType">The class that sits beside the .resx of the same name (e.g. EligibilityMessages).</param>
    public MessageCatalog(Type resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        _baseName = resourceType.FullName!;
        _resources = new ResourceManager(_baseName, resourceType.Assembly);
    }

    /// <summary>The message with this key, its placeholders filled in for the current UI culture.</summary>
    public string Format(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = _resources.GetString(key, culture)
            ?? throw new MissingManifestResourceException($"No message '{key}' in {_baseName}.");
        return args.Length == 0
            ? template
            : string.Format(culture, template, args.Select(a => Render(a, culture)).ToArray());
    }

    /// <summary>The keys of the neutral (Japanese) resource, for completeness tests.</summary>
    public IReadOnlyList<string> Keys()
    {
        var set = _resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
            ?? throw new MissingManifestResourceException($"No resources for {_baseName}.");
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The English resource's value for a key, or null when it has none (used by the completeness test).</summary>
    public string? EnglishOrNull(string key)
    {
        var en = _resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false);
        return en?.GetString(key);
    }

    private static object? Render(object? value, CultureInfo culture)
    {
        var japanese = !culture.TwoLetterISOLanguageName.Equals("en", StringComparison.Ordinal);
        return value switch
        {
            DateOnly d => japanese ? JapaneseEraDate.Format(d) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime dt => japanese
                ? JapaneseEraDate.Format(DateOnly.FromDateTime(dt)) + dt.ToString(" H:mm", CultureInfo.InvariantCulture)
                : dt.ToString("yyyy-MM-dd H:mm", CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}
