using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;

namespace CounterApp.Web.Features.Residents;

/// <summary>Everything the counter knows about one resident, as the detail page shows it. Instants are Tokyo wall-clock times.</summary>
public sealed record ResidentDetail(
    ResidentFacts Resident,
    IReadOnlyList<CardLine> Cards,
    IReadOnlyList<CertificateLine> Certificates,
    IReadOnlyList<ApplicationLine> Applications,
    IReadOnlyList<LetterLine> Letters,
    IReadOnlyList<ReceiptSummary> Receipts,
    IReadOnlyList<AuditLine> Audit,
    bool AuditHasMore,
    DateOnly Today)
{
    /// <summary>R-CE-04: the certificate whose renewal window is open today, if any (the newest such).</summary>
    public CertificateLine? Renewable => Certificates.FirstOrDefault(c => c.IsRenewableOn(Today));

    /// <summary>R-CE-08: the certificate valid today (not revoked, not expired), if any: a new issuance is refused while it is.</summary>
    public CertificateLine? ValidCertificate => Certificates.Where(c => c.IsValidOn(Today)).OrderByDescending(c => c.ExpiresOn).FirstOrDefault();
}

public sealed record ResidentFacts(
    long Id,
    string ResidentCode,
    string FamilyName,
    string GivenName,
    string FamilyNameKana,
    string GivenNameKana,
    DateOnly BirthDate,
    Sex Sex,
    string Address,
    string? Ward,
    bool IsAdultWard,
    RegisterStatus RegisterStatus,
    DateTime UpdatedAt);

public sealed record CardLine(long Id, string CardNumber, bool HasPhoto, DateOnly ExpiryDate, CardStatus Status);

public sealed record CertificateLine(
    long Id,
    string Serial,
    string CardNumber,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    CertificateStatus Status,
    bool IsLocked,
    DateTime? RevokedAt,
    RevocationReason? RevocationReason,
    RevocationCause? Cause = null)
{
    /// <summary>R-CE-08: not revoked and inside its validity on <paramref name="day"/>.</summary>
    public bool IsValidOn(DateOnly day) => Status == CertificateStatus.Active && IssuedOn <= day && day <= ExpiresOn;

    /// <summary>R-CE-04: in force and inside its renewal window on <paramref name="day"/>.</summary>
    public bool IsRenewableOn(DateOnly day) =>
        Status == CertificateStatus.Active && Domain.Periods.RenewalWindow.IsOpenOn(ExpiresOn, day);
}

/// <summary>
/// Why a certificate was revoked, when the counter decided it through a revocation request (R-RV-02 register events;
/// the CA carried it out): the rule, the register event kind (null for other causes), whether it came from the CSV
/// import, the register event's ID when it was delivered through the register API, and when the request was recorded
/// (Tokyo wall-clock time, the moment the register event was received).
/// </summary>
public sealed record RevocationCause(string RuleId, RegisterEventKind? EventKind, bool FromImport, string? EventId, DateTime RecordedAt)
{
    /// <summary>Reads a request's cause text: the event kind as RevocationTriggers wrote it, " (CSV)" for the import.</summary>
    public static RevocationCause From(string ruleId, string cause, string? eventId, DateTime recordedAt)
    {
        ArgumentNullException.ThrowIfNull(cause);
        const string ImportSuffix = " (CSV)";
        var fromImport = cause.EndsWith(ImportSuffix, StringComparison.Ordinal);
        var kindText = fromImport ? cause[..^ImportSuffix.Length] : cause;
        RegisterEventKind? kind = Enum.TryParse<RegisterEventKind>(kindText, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        return new RevocationCause(ruleId, kind, fromImport, eventId, recordedAt);
    }
}

public sealed record ApplicationLine(Guid Id, Procedure Procedure, ApplicantKind Applicant, ApplicationState State, DateTime ReceivedAt, string ReceivedBy);

public sealed record LetterLine(long Id, string Reference, DateOnly PreparedOn, DateOnly? MailedOn, int ValidDays, LetterStatus Status);

public sealed record ReceiptSummary(long Id, string Number, DateTime PaidAt, int Total, PaymentVoidKind? VoidKind, string? VoidReason);

public sealed record AuditLine(long Id, DateTime At, string Actor, string? Counter, string Action, string Outcome, string? Details);
