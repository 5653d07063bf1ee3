using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Revocation;

/// <summary>
/// R-RV-01: in person, identity is shown by the resident card with photo or an accepted photo document; by proxy, the
/// resident's 委任状 (signed and sealed) and the proxy's own accepted photo document.
/// </summary>
public sealed class RevocationIdentityRule(RevocationRequest request, IdentityDocumentCatalog catalog) : BusinessRule("R-RV-01", "documents")
{
    private bool Has(DocumentHolder holder) =>
        request.Documents.Any(d => d.Holder == holder && IdentityDocumentRules.IsAcceptable(d, catalog, request.Today));

    private IEnumerable<string> Missing()
    {
        if (request.Applicant == ApplicantKind.InPerson)
        {
            if (!(request.Card is { HasPhoto: true } card && card.IsInForceOn(request.Today)) && !Has(DocumentHolder.Resident))
            {
                yield return RevocationMessages.Catalog.Format("ResidentIdentityMissing");
            }

            yield break;
        }

        if (request.PowerOfAttorney is not { SignedByResident: true, SealedByResident: true })
        {
            yield return RevocationMessages.Catalog.Format("PowerOfAttorneyMissing");
        }

        if (!Has(DocumentHolder.Proxy))
        {
            yield return RevocationMessages.Catalog.Format("ProxyIdentityMissing");
        }
    }

    public override bool IsBroken() => Missing().Any();

    public override string Message => string.Join(" ", Missing());
}
