namespace CounterApp.Domain.Rules;

/// <summary>
/// A supervisor's explicit permission, with a reason, to set aside what SPEC.md lets them set aside:
/// R-HR-03 (a procedure outside counter hours or on a closed day, i.e. R-HR-01/R-HR-02) and
/// R-ID-02 (an identity document whose address is not updated).
/// It is an input to a decision; the decision records it as an <see cref="AppliedOverride"/> when it was used.
/// </summary>
public sealed record SupervisorOverride
{
    private static readonly Dictionary<string, string[]> Covered = new()
    {
        ["R-HR-03"] = ["R-HR-01", "R-HR-02"],
        ["R-ID-02"] = ["R-ID-02"],
    };

    public SupervisorOverride(string ruleId, string supervisor, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(supervisor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!Covered.ContainsKey(ruleId))
        {
            throw new ArgumentException($"Rule {ruleId} cannot be overridden; only {string.Join(", ", Covered.Keys)} can.", nameof(ruleId));
        }

        RuleId = ruleId;
        Supervisor = supervisor;
        Reason = reason.Trim();
    }

    /// <summary>The override rule: "R-HR-03" or "R-ID-02".</summary>
    public string RuleId { get; }

    public string Supervisor { get; }

    public string Reason { get; }

    /// <summary>True when this override may set aside the broken rule with this ID.</summary>
    public bool Covers(string brokenRuleId) => Covered[RuleId].Contains(brokenRuleId);
}

/// <summary>An override that a decision actually used: the broken rule it set aside, who allowed it, why, and what it said.</summary>
public sealed record AppliedOverride(string OverrideRuleId, BrokenRule SetAside, string Supervisor, string Reason);
