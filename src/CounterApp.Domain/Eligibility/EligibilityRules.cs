using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Eligibility;

/// <summary>May this resident apply for this procedure here and now? Every broken R-EL rule, at once.</summary>
public static class EligibilityRules
{
    public static Decision Check(EligibilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Decision.Check(
        [
            new ResidentMustBeRegisteredRule(request),
            new CardMustBeInForceRule(request),
            new SpecialProcedureRule(request),
            new WardOfficeRule(request),
            new LastAcceptanceRule(request),
        ]);
    }
}
