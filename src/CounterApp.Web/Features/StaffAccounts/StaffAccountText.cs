using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.StaffAccounts;

/// <summary>
/// Texts of the staff accounts pages and handlers: Resources/Features/StaffAccounts/StaffAccountText.resx (Japanese)
/// and .en.resx. Pages inject <c>IStringLocalizer&lt;StaffAccountText&gt;</c>; handlers call <see cref="Get"/>.
/// </summary>
public sealed class StaffAccountText
{
    private static readonly ResourceText Text = new(typeof(StaffAccountText));

    public static string Get(string name, params object?[] args) => Text.Format(name, args);

    /// <summary>The Japanese keys, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() => Text.Keys();

    public static string? TextOrNull(string key, System.Globalization.CultureInfo culture) => Text.TextOrNull(key, culture);
}
