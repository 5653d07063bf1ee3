using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Administration;

/// <summary>
/// Texts of the administrator pages and their handlers: Resources/Features/Administration/AdminText.resx (Japanese)
/// and .en.resx. Pages inject <c>IStringLocalizer&lt;AdminText&gt;</c>; handlers call <see cref="Get"/>.
/// </summary>
public sealed class AdminText
{
    private static readonly ResourceText Text = new(typeof(AdminText));

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);
}
