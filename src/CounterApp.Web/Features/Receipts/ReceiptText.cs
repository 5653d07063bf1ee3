using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Features.Receipts;

/// <summary>
/// Marker and reader for the receipts feature's text: Resources/Features/Receipts/ReceiptText.resx (Japanese) and
/// ReceiptText.en.resx. Pages inject <c>IStringLocalizer&lt;ReceiptText&gt;</c>; endpoints call <see cref="Format"/>.
/// </summary>
public sealed class ReceiptText
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.Features.Receipts.ReceiptText", typeof(ReceiptText).Assembly);

    private ReceiptText()
    {
    }

    public static string Format(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture) ?? throw new MissingManifestResourceException($"No receipt text '{key}'.");
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    public static string? TextOrNull(string key, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);

    public static IReadOnlyList<string> Keys() =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
}
