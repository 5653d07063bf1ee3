using System.Globalization;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Readers;

/// <summary>
/// Marker for the readers' texts: Resources/Features/Readers/ReaderText.resx (Japanese) and ReaderText.en.resx; use it
/// as <c>IStringLocalizer&lt;ReaderText&gt;</c> in components, or <see cref="Get"/> where there is no localizer.
/// </summary>
public sealed class ReaderText
{
    private static readonly ResourceText Text = new(typeof(ReaderText));

    private ReaderText()
    {
    }

    /// <summary>The text named <paramref name="name"/> in <paramref name="culture"/> (the UI culture when null).</summary>
    public static string Get(string name, CultureInfo? culture = null) => Text.Get(name, culture);

    /// <summary>What to tell the clerk when the card cannot be opened (a message with the next action).</summary>
    public static string Unavailable(ReaderUnavailableReason reason, CultureInfo? culture = null) => Get("Unavailable_" + reason, culture);

    /// <summary>The simulation panel's message for an insert or remove.</summary>
    public static string Outcome(SimulatedReaderOutcome outcome, CultureInfo? culture = null) => Get("Outcome_" + outcome, culture);

    /// <summary>One line saying what the reader looks like now (header, live region).</summary>
    public static string Label(CounterReaderState state, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var label = Get(
            !state.AgentConnected ? "Label_AgentOffline"
            : !state.ReaderPresent ? "Label_NoReader"
            : state.CardPresent ? "Label_CardPresent"
            : "Label_NoCard",
            culture);
        return state.Simulated ? label + Get("Label_SimulatedSuffix", culture) : label;
    }
}
