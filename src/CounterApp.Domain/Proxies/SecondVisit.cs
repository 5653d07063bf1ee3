using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Letters;

namespace CounterApp.Domain.Proxies;

/// <summary>What is at the counter on the second visit (R-VI-02 in person, R-PX-02 by proxy).</summary>
/// <param name="Letter">The letter found from the answer sheet's reference number; null when none was found.</param>
/// <param name="AnswerSheet">回答書 brought back.</param>
/// <param name="ResidentCard">The resident's own resident card is at the counter.</param>
public sealed record SecondVisit(
    ApplicantKind Applicant,
    Guid ApplicationId,
    InquiryLetter? Letter,
    bool AnswerSheet,
    bool ResidentCard,
    PowerOfAttorney? PowerOfAttorney,
    SealCertificate? SealCertificate,
    IReadOnlyList<PresentedIdentityDocument> Documents,
    DateOnly Today);
