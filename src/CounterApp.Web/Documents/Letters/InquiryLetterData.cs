using CounterApp.Domain.Applications;
using CounterApp.Domain.Letters;

namespace CounterApp.Web.Documents.Letters;

/// <summary>
/// What one 照会書・回答書 prints. The name and address are the register's, copied onto the letter when it was
/// prepared (R-VI-05: never the proxy's); <paramref name="ValidThrough"/> is the last day it can be used (R-VI-04).
/// </summary>
public sealed record InquiryLetterData(
    string MunicipalityName,
    string OfficeName,
    InquiryReference Reference,
    string AddresseeName,
    string Address,
    Procedure Procedure,
    ApplicantKind Applicant,
    DateOnly AppliedOn,
    DateOnly MailedOn,
    DateOnly ValidThrough);
