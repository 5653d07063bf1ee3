using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Features.CardSession;

/// <summary>
/// Marker for the card session's messages to clerks: Resources/CardSessionMessages.resx (Japanese) and
/// Resources/CardSessionMessages.en.resx.
/// </summary>
public sealed class CardSessionMessages
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.CardSessionMessages", typeof(CardSessionMessages).Assembly);

    /// <summary>The text named <paramref name="name"/> in <paramref name="culture"/> (the UI culture when null).</summary>
    public static string Get(string name, CultureInfo? culture = null) =>
        Resources.GetString(name, culture ?? CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException($"CardSessionMessages has no text named {name}.");
}
