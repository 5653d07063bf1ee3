using System.Globalization;
using System.Resources;

namespace CounterApp.Web;

/// <summary>
/// Marker for the data layer's messages to clerks: Resources/DataMessages.resx (Japanese) and
/// Resources/DataMessages.en.resx; also read directly where no localizer is injected.
/// </summary>
public sealed class DataMessages
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.DataMessages", typeof(DataMessages).Assembly);

    /// <summary>The text named <paramref name="name"/> in <paramref name="culture"/> (the UI culture when null).</summary>
    public static string Get(string name, CultureInfo? culture = null) =>
        Find(name, culture) ?? throw new InvalidOperationException($"DataMessages has no text named {name}.");

    /// <summary>The text named <paramref name="name"/>, or null when there is none.</summary>
    public static string? Find(string name, CultureInfo? culture = null) =>
        Resources.GetString(name, culture ?? CultureInfo.CurrentUICulture);
}
