using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Features.CardServices;

/// <summary>
/// Texts of the card services (pages and handler messages): Resources/Features/CardServices/CardServiceText.resx
/// (Japanese) and .en.resx. Pages inject <c>IStringLocalizer&lt;CardServiceText&gt;</c>; handlers call <see cref="Get"/>.
/// </summary>
public sealed class CardServiceText
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.Features.CardServices.CardServiceText", typeof(CardServiceText).Assembly);

    private CardServiceText()
    {
    }

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(name, culture) ?? throw new InvalidOperationException($"CardServiceText has no text named {name}.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
