using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Eligibility;

/// <summary>R-EL-05: in a municipality with ward offices, only the office of the resident's own ward accepts.</summary>
public sealed class WardOfficeRule(EligibilityRequest request) : BusinessRule("R-EL-05", "office")
{
    public override bool IsBroken() =>
        request.Office.Ward is { } ward && !string.Equals(ward, request.Resident.Ward, StringComparison.Ordinal);

    public override string Message =>
        EligibilityMessages.Catalog.Format("WrongWard", request.Resident.Ward ?? "?", request.Office.Name);
}
