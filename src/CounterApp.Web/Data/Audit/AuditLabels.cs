using System.Globalization;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// What an audit row's action and outcome mean, in words (Resources/Data/Audit/AuditLabels.resx and .en.resx): the pages
/// show the label and keep the code (application.received) beside it for supervisors; an action without a label shows its code.
/// </summary>
public static class AuditLabels
{
    private static readonly ResourceText Text = new(typeof(AuditLabels));

    public static string Action(string action) => Label("Action_" + action) ?? action;

    public static string Outcome(string outcome) => Label("Outcome_" + outcome) ?? outcome;

    /// <summary>Whether the action has a label of its own (a test checks every audited action has one).</summary>
    public static bool HasLabel(string action) => Label("Action_" + action) is not null;

    private static string? Label(string key) =>
        Text.TextOrNull(key, CultureInfo.CurrentUICulture) ?? Text.TextOrNull(key, CultureInfo.InvariantCulture);
}
