using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Residents;

namespace CounterApp.Domain.Visits;

/// <summary>What is at the counter on the first visit for a new issuance or renewal.</summary>
/// <param name="Documents">Photo identity documents shown, the resident's and (for a proxy) the proxy's own.</param>
public sealed record FirstVisit(
    ApplicantKind Applicant,
    ResidentCard Card,
    IReadOnlyList<PresentedIdentityDocument> Documents,
    DateOnly Today);
