using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Applications;

/// <summary>
/// The visit decision forbids this step at this visit (R-VI-02, R-VI-03; for a payment also R-FE-02): the application
/// refuses it whatever its caller checked. Carries every broken rule, so the handler can show the clerk's message.
/// </summary>
public sealed class VisitRuleException : InvalidTransitionException
{
    public VisitRuleException()
    {
    }

    public VisitRuleException(string message)
        : base(message)
    {
    }

    public VisitRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VisitRuleException(IReadOnlyList<BrokenRule> brokenRules, Guid applicationId, ApplicationState from, string action)
        : base($"{action} is not allowed at this visit for application {applicationId} in state {from}: {string.Join(", ", (brokenRules ?? []).Select(b => b.RuleId))}.")
    {
        BrokenRules = brokenRules ?? [];
    }

    /// <summary>The rules the step would break, the deciding visit rule first.</summary>
    public IReadOnlyList<BrokenRule> BrokenRules { get; } = [];
}
