using System.Globalization;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Revocation;

/// <summary>
/// Texts of the revocation procedure (page and handler messages): Resources/Features/Revocation/RevocationText.resx
/// (Japanese) and .en.resx. Pages inject <c>IStringLocalizer&lt;RevocationText&gt;</c>; handlers call <see cref="Get"/>.
/// </summary>
public sealed class RevocationText
{
    private static readonly ResourceText Text = new(typeof(RevocationText));

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);

    /// <summary>The text of a key in one culture, without falling back (null when that culture lacks it).</summary>
    public static string? TextOrNull(string key, CultureInfo culture) => Text.TextOrNull(key, culture);

    /// <summary>The keys of the Japanese (neutral) resource.</summary>
    public static IReadOnlyList<string> Keys() => Text.Keys();
}
