using System.Globalization;
using System.Resources;
using CounterApp.Domain.Eras;

namespace CounterApp.Web.Documents;

/// <summary>
/// Marker for the documents' and ledger's UI text: Resources/DocumentText.resx (Japanese) and
/// Resources/DocumentText.en.resx. Dates in Japanese are in era form (R-X-04), in English ISO.
/// </summary>
public sealed class DocumentText
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.DocumentText", typeof(DocumentText).Assembly);

    private DocumentText()
    {
    }

    /// <summary>The text with this key for the current UI culture, its placeholders filled in.</summary>
    public static string Format(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture) ?? throw new MissingManifestResourceException($"No text '{key}' in DocumentText.");
        var japanese = !culture.TwoLetterISOLanguageName.Equals("en", StringComparison.Ordinal);
        return string.Format(culture, template, args.Select(a => a switch
        {
            DateOnly d => japanese ? JapaneseEraDate.Format(d) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            int n => n.ToString("#,0", CultureInfo.InvariantCulture),
            _ => a,
        }).ToArray());
    }

    /// <summary>The keys of the Japanese resource, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The English text for a key, or null (completeness test).</summary>
    public static string? EnglishOrNull(string key) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)?.GetString(key);
}
