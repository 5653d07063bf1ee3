using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Proxies;

/// <summary>One item of the second-visit checklist; broken when the item is missing. The rule ID says which list it is on.</summary>
public sealed class SecondVisitItemRule(string ruleId, string field, bool present, string missingMessage) : BusinessRule(ruleId, field)
{
    public override bool IsBroken() => !present;

    public override string Message => missingMessage;
}
