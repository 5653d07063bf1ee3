using CounterApp.Domain.Documents;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.CardServices;

/// <summary>Unlock, password change, card PIN reset: in person, with the card, plus a photo document if the card has none.</summary>
public static class CardServiceRules
{
    public static Decision Check(CardServiceRequest request, IdentityDocumentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Decision.Check(
        [
            new ProxyNotAllowedRule(request.Procedure, request.Applicant),
            new CardAtCounterRule(request),
            new PhotoIdentityRule(request, catalog),
            new CertificateStateRule(request),
        ]);
    }
}
