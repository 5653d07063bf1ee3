using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.Approvals;

/// <summary>An override request made or decided, or why not (the rule and field named, R-X-03); nothing saved when refused.</summary>
public sealed record OverrideResult(long? RequestId, BrokenRule? Problem)
{
    public bool Succeeded => Problem is null;

    public string? Message => Problem?.Message;

    public static OverrideResult Done(long requestId) => new(requestId, null);

    public static OverrideResult Refused(string ruleId, string field, string textName, params object?[] args) =>
        new(null, new BrokenRule(ruleId, field, ApprovalText.Get(textName, args)));
}
