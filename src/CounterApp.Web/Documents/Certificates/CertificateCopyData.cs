using CounterApp.Domain.Residents;

namespace CounterApp.Web.Documents.Certificates;

/// <summary>
/// What 電子証明書の写し prints (R-CE-06): the certificate's serial, the four basic data items it carries, the issuing
/// governor's CA, the validity, and the CA fingerprint. The values come from the issued certificate and the CA.
/// </summary>
public sealed record CertificateCopyData(
    string MunicipalityName,
    string OfficeName,
    string Serial,
    string SubjectName,
    string? SubjectNameKana,
    DateOnly BirthDate,
    Sex Sex,
    string Address,
    string Issuer,
    DateOnly ValidFrom,
    DateOnly ExpiresOn,
    CaFingerprint CaFingerprint,
    DateOnly PrintedOn);
