using System.Globalization;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Residents;

/// <summary>
/// Marker and reader for the residents feature's text: Resources/Features/Residents/ResidentText.resx (Japanese, the
/// neutral culture) and ResidentText.en.resx. Pages inject <c>IStringLocalizer&lt;ResidentText&gt;</c>; handlers call
/// <see cref="Format"/>.
/// </summary>
public sealed class ResidentText
{
    private static readonly ResourceText Text = new(typeof(ResidentText));

    private ResidentText()
    {
    }

    /// <summary>The text with this key for the current UI culture, placeholders filled in.</summary>
    public static string Format(string key, params object?[] args) => Text.Format(key, args);

    /// <summary>The text of a key in one culture, without falling back (null when that culture lacks it).</summary>
    public static string? TextOrNull(string key, CultureInfo culture) => Text.TextOrNull(key, culture);

    /// <summary>The keys of the Japanese resource, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() => Text.Keys();
}
