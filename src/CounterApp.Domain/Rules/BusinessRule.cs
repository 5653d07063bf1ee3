namespace CounterApp.Domain.Rules;

/// <summary>Base for named rules: the ID and field are fixed per rule type; the type says what is judged.</summary>
public abstract class BusinessRule(string ruleId, string field) : IBusinessRule
{
    public string RuleId { get; } = ruleId;

    public string Field { get; } = field;

    public abstract bool IsBroken();

    public abstract string Message { get; }
}
