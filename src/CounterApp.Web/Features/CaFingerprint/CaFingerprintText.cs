using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.CaFingerprint;

/// <summary>
/// Texts of the CA fingerprint page: Resources/Features/CaFingerprint/CaFingerprintText.resx (Japanese) and .en.resx.
/// Pages inject <c>IStringLocalizer&lt;CaFingerprintText&gt;</c>.
/// </summary>
public sealed class CaFingerprintText
{
    private static readonly ResourceText Text = new(typeof(CaFingerprintText));

    private CaFingerprintText()
    {
    }

    /// <summary>The keys of the Japanese resource, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() => Text.Keys();

    /// <summary>The text of a key in one culture, without falling back (null when that culture lacks it).</summary>
    public static string? TextOrNull(string key, System.Globalization.CultureInfo culture) => Text.TextOrNull(key, culture);
}
