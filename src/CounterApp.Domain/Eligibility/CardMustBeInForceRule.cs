using CounterApp.Domain.Residents;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Eligibility;

/// <summary>R-EL-02: a resident card issued by this municipality to this resident, in force today (not expired, returned or suspended).</summary>
public sealed class CardMustBeInForceRule(EligibilityRequest request) : BusinessRule("R-EL-02", "card")
{
    private string? Problem()
    {
        var card = request.Card;
        if (card is null)
        {
            return EligibilityMessages.Catalog.Format("NoCard");
        }

        if (card.ResidentCode != request.Resident.ResidentCode)
        {
            return EligibilityMessages.Catalog.Format("CardOfOtherResident");
        }

        if (card.IssuingMunicipalityCode != request.Office.MunicipalityCode)
        {
            return EligibilityMessages.Catalog.Format("CardOfOtherMunicipality");
        }

        if (card.Status != CardStatus.Active)
        {
            return EligibilityMessages.Catalog.Format("CardNotActive", EligibilityMessages.Catalog.Format("CardStatus_" + card.Status));
        }

        return request.Today > card.ExpiryDate ? EligibilityMessages.Catalog.Format("CardExpired", card.ExpiryDate) : null;
    }

    public override bool IsBroken() => Problem() is not null;

    public override string Message => Problem() ?? string.Empty;
}
