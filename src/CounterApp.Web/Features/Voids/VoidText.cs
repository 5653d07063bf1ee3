using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Features.Voids;

/// <summary>Texts of voids and refunds: Resources/Features/Voids/VoidText.resx (Japanese) and .en.resx.</summary>
public sealed class VoidText
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.Features.Voids.VoidText", typeof(VoidText).Assembly);

    public static string Get(string name, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(name, culture) ?? throw new InvalidOperationException($"VoidText has no text named {name}.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
