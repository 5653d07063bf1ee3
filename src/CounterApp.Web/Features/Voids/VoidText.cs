using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Voids;

/// <summary>Texts of voids and refunds: Resources/Features/Voids/VoidText.resx (Japanese) and .en.resx.</summary>
public sealed class VoidText
{
    private static readonly ResourceText Text = new(typeof(VoidText));

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);
}
