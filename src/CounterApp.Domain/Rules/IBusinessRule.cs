namespace CounterApp.Domain.Rules;

/// <summary>
/// One named rule from SPEC.md, constructed with the facts it judges.
/// Rules never throw for a broken condition: they report it, so a step can return every broken rule at once.
/// </summary>
public interface IBusinessRule
{
    /// <summary>The SPEC.md rule ID.</summary>
    string RuleId { get; }

    /// <summary>The input the rule is about.</summary>
    string Field { get; }

    /// <summary>True when the facts break the rule.</summary>
    bool IsBroken();

    /// <summary>Why it is broken, in the current UI culture. Only asked for when <see cref="IsBroken"/> is true.</summary>
    string Message { get; }
}
