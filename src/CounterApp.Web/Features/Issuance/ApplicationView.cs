using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Voids;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>The screens of the guided procedure, in order; the page shows the one the saved application is at.</summary>
public enum IssuanceStep
{
    Eligibility,
    Documents,

    /// <summary>The first visit decided two visits (R-VI-02/03): the inquiry letter is prepared, then mailed.</summary>
    Letter,
    Seal,
    Fee,
    Card,

    /// <summary>A card session is between key generation and completion (running, or being recovered, R-CE-09).</summary>
    Issuing,
    Print,
    Closed,
}

/// <summary>What the application page shows: the saved state, the resident, and what each step needs (a few queries, none per row).</summary>
public sealed record ApplicationView(
    Guid Id,
    Procedure Procedure,
    ApplicationState State,
    string ResidentName,
    string ResidentCode,
    string? RefusedFor,
    string? Outstanding,
    string? DocumentType,
    long? ReceiptId,
    string? ReceiptNumber,
    int? ReceiptTotal,
    long? CertificateId,
    string? CertificateSerial,
    DateOnly? CertificateExpiresOn,
    bool VoidPending,
    bool Eligible,
    long ResidentId)
{
    public IssuanceStep Step => State switch
    {
        ApplicationState.Received when !Eligible => IssuanceStep.Eligibility,
        ApplicationState.Received when TwoVisitsRule is not null && !DocumentAgain => IssuanceStep.Letter,
        ApplicationState.Received when DocumentType is null => IssuanceStep.Documents,
        ApplicationState.Received => IssuanceStep.Seal,
        ApplicationState.IdentityVerified => IssuanceStep.Fee,
        ApplicationState.FeePaid => IssuanceStep.Card,
        ApplicationState.Completed => IssuanceStep.Print,
        var inSession when CardSessionStates.All.Contains(inSession) => IssuanceStep.Issuing,
        _ => IssuanceStep.Closed,
    };

    /// <summary>R-PX-01: who types the password at the card step; the clerk when a proxy is at the counter.</summary>
    public PasswordEntryMode PasswordEntry { get; init; }

    /// <summary>R-VI-02 or R-VI-03 when the first visit already decided two visits (see <see cref="VisitOnFile"/>).</summary>
    public string? TwoVisitsRule { get; init; }

    /// <summary>The certificates issued for this application, with their status from the CA register.</summary>
    public IReadOnlyList<ApplicationCertificate> Certificates { get; init; } = [];

    /// <summary>
    /// An in-person R-VI-02 decision stays open until a letter is prepared: the resident may still show an accepted
    /// photo document, or a supervisor may set R-ID-02 aside, and the same-day issue follows (see <see cref="VisitOnFile.FinalAsync"/>).
    /// </summary>
    public bool MayRecordAnotherDocument => TwoVisitsRule == "R-VI-02" && Letter is null;

    /// <summary>The clerk chose to record another document (only when <see cref="MayRecordAnotherDocument"/>).</summary>
    public bool DocumentAgain { get; init; }

    /// <summary>The application's latest inquiry letter, if any.</summary>
    public ApplicationLetter? Letter { get; init; }

    /// <summary>A letter prepared or mailed and still standing (R-VI-04): no other is offered.</summary>
    public bool HasLiveLetter => Letter is { Status: LetterStatus.Prepared or LetterStatus.Mailed };

    /// <summary>R-CE-09: the last card session that was cut and resolved back to the card step (when, and the certificate revoked).</summary>
    public IssuanceInterruption? LastInterruption { get; init; }

    public bool OwesVoid => Outstanding?.Contains(nameof(Obligation.VoidOrRefundFee), StringComparison.Ordinal) == true;

    public bool OwesSupersession => Outstanding?.Contains(nameof(Obligation.SupersedeOldCertificate), StringComparison.Ordinal) == true;

    public static async Task<ApplicationView?> LoadAsync(CounterDbContext db, CertificateStatuses statuses, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var record = await db.Applications.AsNoTracking().Include(a => a.Resident).Include(a => a.History).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (record?.Resident is not { } resident)
        {
            return null;
        }

        var document = await db.PresentedDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == id && d.Kind == PresentedDocumentKind.IdentityDocument && d.Holder == DocumentHolder.Resident && d.Copy != null)
            .Select(d => d.TypeCode)
            .FirstOrDefaultAsync(cancellationToken);
        var receipt = await db.Receipts.AsNoTracking().Where(r => r.ApplicationId == id).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Number, r.Total }).FirstOrDefaultAsync(cancellationToken);
        var certificate = record.IssuedSerial is null
            ? null
            : await db.Certificates.AsNoTracking().Where(c => c.Serial == record.IssuedSerial).Select(c => new { c.Id, c.Serial, c.ExpiresOn }).FirstOrDefaultAsync(cancellationToken);
        var issuedSerial = record.IssuedSerial;
        var certificates = await statuses.Certificates.AsNoTracking()
            .Where(c => c.Certificate.ApplicationId == id || c.Certificate.Serial == issuedSerial)
            .OrderBy(c => c.Certificate.Id)
            .Select(c => new ApplicationCertificate(c.Certificate.Serial, c.Certificate.ExpiresOn, c.InRegister && c.RevokedAt == null, c.RevokedAt, c.RevocationReason))
            .ToListAsync(cancellationToken);
        var voidPending = receipt is not null && await db.Set<VoidRequestRecord>().AnyAsync(v => v.ReceiptId == receipt.Id && v.State == VoidRequestState.Pending, cancellationToken);
        var eligible = record.History.Any(h => h.FromState == ApplicationState.Received && h.ToState == ApplicationState.Received && h.Note == Application.EligibleNote);
        // Who brought the answer sheet (second visit) is at the counter now; without one, who applied.
        var answerSheetHolder = await db.PresentedDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == id && d.Kind == PresentedDocumentKind.AnswerSheet)
            .OrderByDescending(d => d.Id)
            .Select(d => (DocumentHolder?)d.Holder)
            .FirstOrDefaultAsync(cancellationToken);
        var proxyAtCounter = answerSheetHolder is { } holder ? holder == DocumentHolder.Proxy : record.Applicant == ApplicantKind.Proxy;
        var letter = await db.InquiryLetters.AsNoTracking().Where(l => l.ApplicationId == id).OrderByDescending(l => l.Id)
            .Select(l => new { l.Reference, l.Status, l.MailedOn, l.ValidDays })
            .FirstOrDefaultAsync(cancellationToken);
        var decidedBy = record.State == ApplicationState.Received ? await VisitOnFile.DecidedByAsync(db, id, record.Applicant, cancellationToken) : null;
        var twoVisits = decidedBy is "R-VI-02" or "R-VI-03" ? decidedBy
            : letter is not null && record.State == ApplicationState.Received ? (record.Applicant == ApplicantKind.Proxy ? "R-VI-03" : "R-VI-02")
            : null;
        return new ApplicationView(
            id, record.Procedure, record.State, resident.ToDomain().FullName, resident.ResidentCode, record.RefusedFor, record.Outstanding, document,
            receipt?.Id, receipt?.Number, receipt?.Total, certificate?.Id, certificate?.Serial, certificate?.ExpiresOn, voidPending, eligible, resident.Id)
        {
            LastInterruption = IssuanceInterruption.Latest(record.History),
            PasswordEntry = CounterApp.Domain.Proxies.PasswordEntry.For(proxyAtCounter ? ApplicantKind.Proxy : ApplicantKind.InPerson),
            TwoVisitsRule = twoVisits,
            Certificates = certificates,
            Letter = letter is null ? null : new ApplicationLetter(
                InquiryReference.TryParse(letter.Reference, out var parsed) ? parsed!.Display : letter.Reference, letter.Status, letter.MailedOn, letter.MailedOn?.AddDays(letter.ValidDays)),
        };
    }
}

/// <summary>
/// A certificate issued for the application, with its status from the CA register (R-RV-03: what OCSP answers):
/// valid, or revoked since <paramref name="RevokedAt"/> (UTC) for <paramref name="Reason"/>.
/// </summary>
public sealed record ApplicationCertificate(string Serial, DateOnly ExpiresOn, bool Valid, DateTime? RevokedAt, RevocationReason? Reason);

/// <summary>An application's inquiry letter as the page shows it: the printed reference, its status and validity (R-VI-04).</summary>
public sealed record ApplicationLetter(string ReferenceDisplay, LetterStatus Status, DateOnly? MailedOn, DateOnly? ValidThrough);
