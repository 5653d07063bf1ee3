using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.CaStatus;

/// <summary>
/// Texts of the CA status page: Resources/Features/CaStatus/CaStatusText.resx (Japanese) and .en.resx. Pages inject
/// <c>IStringLocalizer&lt;CaStatusText&gt;</c>; code calls <see cref="Get"/>.
/// </summary>
public sealed class CaStatusText
{
    private static readonly ResourceText Text = new(typeof(CaStatusText));

    private CaStatusText()
    {
    }

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);

    /// <summary>The keys of the Japanese resource, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() => Text.Keys();

    /// <summary>The text of a key in one culture, without falling back (null when that culture lacks it).</summary>
    public static string? TextOrNull(string key, System.Globalization.CultureInfo culture) => Text.TextOrNull(key, culture);
}
