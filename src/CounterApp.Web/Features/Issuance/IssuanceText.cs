using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Features.Issuance;

/// <summary>
/// Texts of the issuance procedure (pages and handler messages): Resources/Features/Issuance/IssuanceText.resx
/// (Japanese) and .en.resx. Pages inject <c>IStringLocalizer&lt;IssuanceText&gt;</c>; handlers call <see cref="Get"/>.
/// </summary>
public sealed class IssuanceText
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.Features.Issuance.IssuanceText", typeof(IssuanceText).Assembly);

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(name, culture) ?? throw new InvalidOperationException($"IssuanceText has no text named {name}.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
