using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Visits;

/// <summary>R-VI-03 / R-PX-02: a proxy shows their own accepted photo identity document, which is recorded.</summary>
public sealed class ProxyPhotoDocumentRule(
    ApplicantKind applicant,
    IEnumerable<PresentedIdentityDocument> documents,
    IdentityDocumentCatalog catalog,
    DateOnly today,
    string ruleId = "R-VI-03") : BusinessRule(ruleId, "proxy.document")
{
    public override bool IsBroken() =>
        applicant == ApplicantKind.Proxy
        && !documents.Any(d => d.Holder == DocumentHolder.Proxy && IdentityDocumentRules.IsAcceptable(d, catalog, today));

    public override string Message => VisitMessages.Catalog.Format("ProxyPhotoDocumentMissing");
}
