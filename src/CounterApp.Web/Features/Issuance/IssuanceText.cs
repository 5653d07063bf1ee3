using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Issuance;

/// <summary>
/// Texts of the issuance procedure (pages and handler messages): Resources/Features/Issuance/IssuanceText.resx
/// (Japanese) and .en.resx. Pages inject <c>IStringLocalizer&lt;IssuanceText&gt;</c>; handlers call <see cref="Get"/>.
/// </summary>
public sealed class IssuanceText
{
    private static readonly ResourceText Text = new(typeof(IssuanceText));

    /// <summary>The text named <paramref name="name"/> in the UI culture, its placeholders filled in.</summary>
    public static string Get(string name, params object?[] args) => Text.Format(name, args);

    /// <summary>An application state as the clerk reads it (受付済み, 手数料収納済み…), never the code.</summary>
    public static string State(Domain.Applications.ApplicationState state) => Get("State_" + state);
}
