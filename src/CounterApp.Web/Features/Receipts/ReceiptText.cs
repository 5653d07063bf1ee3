using System.Globalization;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Receipts;

/// <summary>
/// Marker and reader for the receipts feature's text: Resources/Features/Receipts/ReceiptText.resx (Japanese) and
/// ReceiptText.en.resx. Pages inject <c>IStringLocalizer&lt;ReceiptText&gt;</c>; endpoints call <see cref="Format"/>.
/// </summary>
public sealed class ReceiptText
{
    private static readonly ResourceText Text = new(typeof(ReceiptText));

    private ReceiptText()
    {
    }

    public static string Format(string key, params object?[] args) => Text.Format(key, args);

    public static string? TextOrNull(string key, CultureInfo culture) => Text.TextOrNull(key, culture);

    public static IReadOnlyList<string> Keys() => Text.Keys();
}
