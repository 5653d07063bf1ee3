using CounterApp.Domain.Residents;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Eligibility;

/// <summary>R-EL-01: registered in this municipality's resident register, not moved out or deceased.</summary>
public sealed class ResidentMustBeRegisteredRule(EligibilityRequest request) : BusinessRule("R-EL-01", "resident.registerStatus")
{
    public override bool IsBroken() =>
        request.Resident.RegisterStatus != RegisterStatus.Registered
        || request.Resident.MunicipalityCode != request.Office.MunicipalityCode;

    public override string Message => request.Resident.MunicipalityCode != request.Office.MunicipalityCode
        ? EligibilityMessages.Catalog.Format("OtherMunicipality")
        : EligibilityMessages.Catalog.Format(
            "NotRegistered",
            request.Office.MunicipalityName,
            EligibilityMessages.Catalog.Format("RegisterStatus_" + request.Resident.RegisterStatus));
}
