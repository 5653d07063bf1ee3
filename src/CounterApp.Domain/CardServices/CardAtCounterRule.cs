using CounterApp.Domain.Rules;

namespace CounterApp.Domain.CardServices;

/// <summary>R-CA-01..03: the resident brings the card itself.</summary>
public sealed class CardAtCounterRule(CardServiceRequest request) : BusinessRule(request.RuleId, "card")
{
    public override bool IsBroken() => request.Card is null;

    public override string Message => CardServiceMessages.Catalog.Format("CardMissing");
}
