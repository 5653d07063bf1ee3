using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.Voids;

/// <summary>A void request made or decided, or why not (the rule and field named, R-X-03); nothing saved when refused.</summary>
public sealed record VoidResult(long? RequestId, BrokenRule? Problem)
{
    public bool Succeeded => Problem is null;

    public string? Message => Problem?.Message;

    public static VoidResult Done(long requestId) => new(requestId, null);

    public static VoidResult Refused(string ruleId, string field, string textName, params object?[] args) =>
        new(null, new BrokenRule(ruleId, field, VoidText.Get(textName, args)));
}
