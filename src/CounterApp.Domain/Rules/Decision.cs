namespace CounterApp.Domain.Rules;

/// <summary>The outcome of checking a step: allowed when no rule is broken; overrides that set rules aside are kept with it.</summary>
public sealed record Decision(IReadOnlyList<BrokenRule> BrokenRules, IReadOnlyList<AppliedOverride> Overrides)
{
    public static Decision Allowed { get; } = new([], []);

    public bool IsAllowed => BrokenRules.Count == 0;

    /// <summary>True when the rule with this ID is among the broken ones.</summary>
    public bool Breaks(string ruleId) => BrokenRules.Any(b => b.RuleId == ruleId);

    /// <summary>
    /// Checks every rule and keeps every broken one (never just the first). A broken rule that a supervisor
    /// override covers is not refused: it moves to <see cref="Overrides"/> with who allowed it and why.
    /// </summary>
    public static Decision Check(IEnumerable<IBusinessRule> rules, IEnumerable<SupervisorOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var given = overrides?.ToList() ?? [];
        var broken = new List<BrokenRule>();
        var applied = new List<AppliedOverride>();
        foreach (var rule in rules.Where(r => r.IsBroken()))
        {
            var b = new BrokenRule(rule.RuleId, rule.Field, rule.Message);
            var cover = given.FirstOrDefault(o => o.Covers(b.RuleId));
            if (cover is null)
            {
                broken.Add(b);
            }
            else
            {
                applied.Add(new AppliedOverride(cover.RuleId, b, cover.Supervisor, cover.Reason));
            }
        }

        return new Decision(broken, applied);
    }

    /// <summary>
    /// Joins the decisions of several checks of one step. A rule two checks both judged (e.g. the same document seen by
    /// the document check and by the visit plan) is listed, or recorded as overridden, once.
    /// </summary>
    public static Decision Combine(params IEnumerable<Decision> decisions)
    {
        var list = decisions.ToList();
        return new Decision(
            list.SelectMany(d => d.BrokenRules).Distinct().ToList(),
            list.SelectMany(d => d.Overrides).Distinct().ToList());
    }
}
