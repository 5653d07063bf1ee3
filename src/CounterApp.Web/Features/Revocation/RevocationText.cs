using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Features.Revocation;

/// <summary>
/// Texts of the revocation procedure (page and handler messages): Resources/Features/Revocation/RevocationText.resx
/// (Japanese) and .en.resx. Pages inject <c>IStringLocalizer&lt;RevocationText&gt;</c>; handlers call <see cref="Get"/>.
/// </summary>
public sealed class RevocationText
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.Features.Revocation.RevocationText", typeof(RevocationText).Assembly);

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(name, culture) ?? throw new InvalidOperationException($"RevocationText has no text named {name}.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
