using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Residents;

namespace CounterApp.Domain.Revocation;

/// <summary>A 失効申請 or 秘密鍵漏えい等届出 at the counter (R-RV-01).</summary>
/// <param name="Card">The resident card if brought (a lost card is a reason to come, so it may be missing).</param>
public sealed record RevocationRequest(
    ApplicantKind Applicant,
    ResidentCard? Card,
    IReadOnlyList<PresentedIdentityDocument> Documents,
    PowerOfAttorney? PowerOfAttorney,
    DateOnly Today);
