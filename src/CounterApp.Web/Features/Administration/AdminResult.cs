using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.Administration;

/// <summary>A setting saved, or why not (the rule and the field named, R-X-03); nothing is saved when refused.</summary>
public sealed record AdminResult(BrokenRule? Problem, string? Shown = null)
{
    public bool Succeeded => Problem is null;

    public string? Message => Problem?.Message;

    public static AdminResult Done(string? shown = null) => new(null, shown);

    public static AdminResult Refused(string ruleId, string field, string textName, params object?[] args) =>
        new(new BrokenRule(ruleId, field, AdminText.Get(textName, args)), null);
}
