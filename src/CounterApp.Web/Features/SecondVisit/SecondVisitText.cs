using System.Globalization;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.SecondVisit;

/// <summary>Texts of the second visit: Resources/Features/SecondVisit/SecondVisitText.resx (Japanese) and .en.resx.</summary>
public sealed class SecondVisitText
{
    private static readonly ResourceText Text = new(typeof(SecondVisitText));

    public static string Get(string name, params object?[] args) => Text.Format(name, args);

    /// <summary>The text of a key in one culture, without falling back (null when that culture lacks it).</summary>
    public static string? TextOrNull(string key, CultureInfo culture) => Text.TextOrNull(key, culture);

    /// <summary>The keys of the Japanese (neutral) resource.</summary>
    public static IReadOnlyList<string> Keys() => Text.Keys();
}
