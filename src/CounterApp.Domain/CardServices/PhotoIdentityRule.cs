using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.CardServices;

/// <summary>R-CA-01..03: a card without a photo needs an accepted photo identity document of the resident as well.</summary>
public sealed class PhotoIdentityRule(CardServiceRequest request, IdentityDocumentCatalog catalog) : BusinessRule(request.RuleId, "document")
{
    public override bool IsBroken() =>
        request.Card is { HasPhoto: false }
        && !request.Documents.Any(d => d.Holder == DocumentHolder.Resident && IdentityDocumentRules.IsAcceptable(d, catalog, request.Today));

    public override string Message => CardServiceMessages.Catalog.Format("PhotoDocumentMissing");
}
