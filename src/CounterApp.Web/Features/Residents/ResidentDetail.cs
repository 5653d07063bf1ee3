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
    RevocationReason? RevocationReason)
{
    /// <summary>R-CE-04: in force and inside its renewal window on <paramref name="day"/>.</summary>
    public bool IsRenewableOn(DateOnly day) =>
        Status == CertificateStatus.Active && Domain.Periods.RenewalWindow.IsOpenOn(ExpiresOn, day);
}

public sealed record ApplicationLine(Guid Id, Procedure Procedure, ApplicantKind Applicant, ApplicationState State, DateTime ReceivedAt, string ReceivedBy);

public sealed record LetterLine(long Id, string Reference, DateOnly PreparedOn, DateOnly? MailedOn, int ValidDays, LetterStatus Status);

public sealed record ReceiptSummary(long Id, string Number, DateTime PaidAt, int Total, PaymentVoidKind? VoidKind, string? VoidReason);

public sealed record AuditLine(long Id, DateTime At, string Actor, string? Counter, string Action, string Outcome, string? Details);
