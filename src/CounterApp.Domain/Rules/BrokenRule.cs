namespace CounterApp.Domain.Rules;

/// <summary>A rule that a step did not meet: which rule, which input it is about, and why (Japanese by default).</summary>
/// <param name="RuleId">The SPEC.md rule ID, e.g. "R-EL-01".</param>
/// <param name="Field">The input the rule is about, e.g. "resident.registerStatus", so the UI can point at it.</param>
/// <param name="Message">The message for the current UI culture (Japanese unless English is asked for).</param>
public sealed record BrokenRule(string RuleId, string Field, string Message);
