using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.StaffAccounts;

/// <summary>A staff account change done, or why not (field and rule named, R-X-03); nothing is saved when refused.</summary>
public sealed record StaffAccountResult(BrokenRule? Problem, string? AccountId = null)
{
    public bool Succeeded => Problem is null;

    public string? Message => Problem?.Message;

    public static StaffAccountResult Done(string accountId) => new(null, accountId);

    public static StaffAccountResult Refused(string ruleId, string field, string textName, params object?[] args) =>
        new(new BrokenRule(ruleId, field, StaffAccountText.Get(textName, args)));
}

/// <summary>
/// The rule IDs of staff administration. SPEC.md names no rule for it beyond R-X-01/R-X-03, so these are local:
/// an administrator keeps their own Administrator role and stays enabled, and one active administrator always remains.
/// </summary>
public static class StaffAccountRules
{
    /// <summary>Bad input (R-X-03): the field and the rule are named.</summary>
    public const string Input = "R-X-03";

    /// <summary>An administrator cannot remove their own Administrator role or disable themselves.</summary>
    public const string NotSelf = "STAFF-01";

    /// <summary>At least one enabled administrator must remain.</summary>
    public const string LastAdministrator = "STAFF-02";
}
