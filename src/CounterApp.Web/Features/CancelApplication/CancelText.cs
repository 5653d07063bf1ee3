using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.CancelApplication;

/// <summary>
/// Texts of withdrawing an application: Resources/Features/CancelApplication/CancelText.resx (Japanese) and .en.resx.
/// Pages inject <c>IStringLocalizer&lt;CancelText&gt;</c>; the handler calls <see cref="Get"/>.
/// </summary>
public sealed class CancelText
{
    private static readonly ResourceText Text = new(typeof(CancelText));

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);
}
