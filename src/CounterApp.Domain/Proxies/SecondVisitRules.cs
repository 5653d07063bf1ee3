using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Visits;

namespace CounterApp.Domain.Proxies;

/// <summary>
/// The second visit's checklist: in person the answer sheet and the card (R-VI-02); a proxy all of R-PX-02.
/// Anything missing is refused with the whole list of what is missing; the letter itself must be usable (R-VI-04).
/// </summary>
public static class SecondVisitRules
{
    public static Decision Check(SecondVisit visit, IdentityDocumentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var proxy = visit.Applicant == ApplicantKind.Proxy;
        var listId = proxy ? "R-PX-02" : "R-VI-02";
        var rules = new List<IBusinessRule>
        {
            visit.Letter is null
                ? new SecondVisitItemRule("R-VI-04", "letter.reference", false, ProxyMessages.Catalog.Format("LetterNotFound"))
                : new LetterUsableRule(visit.Letter, visit.ApplicationId, visit.Today),
            new SecondVisitItemRule(listId, "answerSheet", visit.AnswerSheet, ProxyMessages.Catalog.Format("AnswerSheetMissing")),
            new SecondVisitItemRule(listId, "residentCard", visit.ResidentCard, ProxyMessages.Catalog.Format(proxy ? "ResidentCardMissingProxy" : "ResidentCardMissing")),
        };

        if (proxy)
        {
            var poa = visit.PowerOfAttorney;
            rules.Add(new SecondVisitItemRule(listId, "powerOfAttorney", poa is not null, ProxyMessages.Catalog.Format("PowerOfAttorneyMissing")));
            if (poa is not null)
            {
                rules.Add(new SecondVisitItemRule(listId, "powerOfAttorney.signed", poa.SignedByResident, ProxyMessages.Catalog.Format("PowerOfAttorneyUnsigned")));
                rules.Add(new SecondVisitItemRule(listId, "powerOfAttorney.sealed", poa.SealedByResident, ProxyMessages.Catalog.Format("PowerOfAttorneyUnsealed")));
            }

            rules.Add(new SecondVisitItemRule(listId, "sealCertificate", visit.SealCertificate is not null, ProxyMessages.Catalog.Format("SealCertificateMissing")));
            if (visit.SealCertificate is { } seal)
            {
                rules.Add(new SealCertificateRecentRule(seal, visit.Today));
                rules.Add(new SecondVisitItemRule(listId, "sealCertificate.matchesPowerOfAttorneySeal", seal.MatchesPowerOfAttorneySeal, ProxyMessages.Catalog.Format("SealMismatch")));
            }

            rules.Add(new ProxyPhotoDocumentRule(visit.Applicant, visit.Documents, catalog, visit.Today, listId));
        }

        return Decision.Check(rules);
    }
}
