using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Visits;

/// <summary>Same day or two visits (R-VI-01..03).</summary>
public static class VisitRules
{
    public static VisitDecision Decide(FirstVisit visit, IdentityDocumentCatalog catalog, IEnumerable<SupervisorOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(catalog);
        var given = overrides?.ToList() ?? [];
        var proxyCheck = Decision.Check([new ProxyPhotoDocumentRule(visit.Applicant, visit.Documents, catalog, visit.Today)]);

        if (visit.Applicant == ApplicantKind.Proxy)
        {
            // R-VI-03: whatever a proxy brings, the first visit never issues.
            return new VisitDecision(VisitPlan.TwoVisits, "R-VI-03", VisitMessages.Catalog.Format("ProxyTwoVisits"), proxyCheck);
        }

        if (visit.Card.HasPhoto)
        {
            return new VisitDecision(VisitPlan.SameDay, "R-VI-01", VisitMessages.Catalog.Format("SameDayPhotoCard"), Decision.Allowed);
        }

        var photoDocument = visit.Documents
            .Where(d => d.Holder == DocumentHolder.Resident)
            .Select(d => (Document: d, Decision: IdentityDocumentRules.Check(d, catalog, visit.Today, given)))
            .FirstOrDefault(x => x.Decision.IsAllowed);
        if (photoDocument.Document is not null)
        {
            return new VisitDecision(
                VisitPlan.SameDay,
                "R-VI-01",
                VisitMessages.Catalog.Format("SameDayPhotoDocument", catalog.Find(photoDocument.Document.TypeCode)!.NameJa),
                photoDocument.Decision);
        }

        return new VisitDecision(VisitPlan.TwoVisits, "R-VI-02", VisitMessages.Catalog.Format("NoPhotoTwoVisits"), Decision.Allowed);
    }
}
