using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.Approvals;

/// <summary>
/// R-HR-03: when counter hours (R-HR-01/R-HR-02) are the only rules broken, the eligibility step does not close the
/// application but keeps it waiting at the step, so that a supervisor's override can let it pass.
/// </summary>
public static class OverrideHold
{
    private static readonly string[] HoursRules = ["R-HR-01", "R-HR-02"];

    public static string Message => ApprovalText.Get("HoursOverrideMayBeRequested");

    public static bool Applies(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return !decision.IsAllowed && decision.BrokenRules.All(b => HoursRules.Contains(b.RuleId));
    }

    /// <summary>The override rule a supervisor may grant for a broken rule ("R-HR-03" for hours, "R-ID-02" for the address), or null.</summary>
    public static string? OverrideFor(string brokenRuleId) => brokenRuleId switch
    {
        "R-HR-01" or "R-HR-02" => "R-HR-03",
        "R-ID-02" => "R-ID-02",
        _ => null,
    };
}
