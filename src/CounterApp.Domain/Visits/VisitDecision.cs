using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Visits;

/// <summary>The plan for this application and why: the rule that decided it (R-VI-01/02/03) and its explanation.</summary>
/// <param name="Decision">Broken rules that stop even the first step (e.g. a proxy without their own photo document).</param>
public sealed record VisitDecision(VisitPlan Plan, string DecidingRuleId, string Explanation, Decision Decision);
