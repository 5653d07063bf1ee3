using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.DayClose;

/// <summary>Texts of the day close and ledger printing: Resources/Features/DayClose/DayCloseText.resx (Japanese) and .en.resx.</summary>
public sealed class DayCloseText
{
    private static readonly ResourceText Text = new(typeof(DayCloseText));

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);
}
