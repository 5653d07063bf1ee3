using System.Globalization;
using System.Resources;

namespace CounterApp.Web.Features.DayClose;

/// <summary>Texts of the day close and ledger printing: Resources/Features/DayClose/DayCloseText.resx (Japanese) and .en.resx.</summary>
public sealed class DayCloseText
{
    private static readonly ResourceManager Resources = new("CounterApp.Web.Resources.Features.DayClose.DayCloseText", typeof(DayCloseText).Assembly);

    public static string Get(string name, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = Resources.GetString(name, culture) ?? throw new InvalidOperationException($"DayCloseText has no text named {name}.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
