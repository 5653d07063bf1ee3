using System.Globalization;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.CardServices;

/// <summary>
/// Texts of the card services (pages and handler messages): Resources/Features/CardServices/CardServiceText.resx
/// (Japanese) and .en.resx. Pages inject <c>IStringLocalizer&lt;CardServiceText&gt;</c>; handlers call <see cref="Get"/>.
/// </summary>
public sealed class CardServiceText
{
    private static readonly ResourceText Text = new(typeof(CardServiceText));

    private CardServiceText()
    {
    }

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);

    /// <summary>The text of a key in one culture, without falling back (null when that culture lacks it).</summary>
    public static string? TextOrNull(string key, CultureInfo culture) => Text.TextOrNull(key, culture);

    /// <summary>The keys of the Japanese (neutral) resource, for completeness tests.</summary>
    public static IReadOnlyList<string> Keys() => Text.Keys();
}
