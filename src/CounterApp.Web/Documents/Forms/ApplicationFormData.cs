using CounterApp.Domain.Applications;
using CounterApp.Domain.Residents;

namespace CounterApp.Web.Documents.Forms;

/// <summary>An application as the forms print it, pre-filled from the application and the register entry, for the resident's signature.</summary>
public sealed record ApplicationFormData(
    string MunicipalityName,
    string OfficeName,
    Procedure Procedure,
    ApplicantKind Applicant,
    DateOnly ReceivedOn,
    string FamilyName,
    string GivenName,
    string FamilyNameKana,
    string GivenNameKana,
    DateOnly BirthDate,
    Sex Sex,
    string Address,
    string? CardNumber = null,
    string? CertificateSerial = null,
    string? ApplicationNumber = null);
