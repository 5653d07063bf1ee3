using CounterApp.Domain.Periods;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Eligibility;

/// <summary>
/// R-EL-03: under 15 (age by R-EL-04) or an adult ward: the normal procedure does not apply; the counter stops
/// and sends the clerk to the supervisor. The caller records the attempt (the decision carries this rule).
/// </summary>
public sealed class SpecialProcedureRule(EligibilityRequest request) : BusinessRule("R-EL-03", FieldFor(request))
{
    public const int MinimumAge = 15;

    private int Age => LegalAge.AgeOn(request.Resident.BirthDate, request.Today);

    public override bool IsBroken() => request.Resident.IsAdultWard || Age < MinimumAge;

    public override string Message => Age < MinimumAge
        ? EligibilityMessages.Catalog.Format("UnderFifteen", Age)
        : EligibilityMessages.Catalog.Format("AdultWard");

    // R-X-03: the field is what stopped it, as the message says: the birth date when under 15, else the adult-ward flag.
    private static string FieldFor(EligibilityRequest request) =>
        request.Resident.IsAdultWard && LegalAge.AgeOn(request.Resident.BirthDate, request.Today) >= MinimumAge
            ? "resident.isAdultWard"
            : "resident.birthDate";
}
