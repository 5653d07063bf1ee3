using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Visits;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>
/// How the first visit was decided, read back from what is saved, so a reload (or a later visit to the page) shows
/// the step that follows the decision and a second identity document is never recorded for the same holder.
/// R-VI-02 in person keeps no document (none was accepted): the decision is kept as a history note instead
/// (Received → Received, like the eligibility mark). R-VI-03: the proxy's own document is on file. R-VI-01: the
/// resident's document is on file (the seal step follows).
/// </summary>
public static class VisitOnFile
{
    /// <summary>The history note that keeps an in-person "two visits" decision: "two-visits R-VI-02".</summary>
    public const string NotePrefix = Application.TwoVisitsNotePrefix;

    public static string Note(string ruleId) => Application.VisitNote(VisitPlan.TwoVisits, ruleId);

    /// <summary>The rule that already decided this application's first visit (R-VI-01, R-VI-02 or R-VI-03), or null.</summary>
    public static async Task<string?> DecidedByAsync(CounterDbContext db, Guid applicationId, ApplicantKind applicant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var holder = await db.PresentedDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == applicationId && d.Kind == PresentedDocumentKind.IdentityDocument && d.Copy != null)
            .OrderBy(d => d.Id)
            .Select(d => (DocumentHolder?)d.Holder)
            .FirstOrDefaultAsync(cancellationToken);
        if (holder is not null)
        {
            // A document on file was accepted: it decides, even after an earlier R-VI-02 decision (see FinalAsync).
            return holder == DocumentHolder.Proxy || applicant == ApplicantKind.Proxy ? "R-VI-03" : "R-VI-01";
        }

        var note = await db.ApplicationStateChanges.AsNoTracking()
            .Where(h => h.ApplicationId == applicationId && h.FromState == ApplicationState.Received && h.ToState == ApplicationState.Received
                && h.Note != null && h.Note.StartsWith(NotePrefix))
            .Select(h => h.Note)
            .FirstOrDefaultAsync(cancellationToken);
        return note?[NotePrefix.Length..];
    }

    /// <summary>
    /// The decision that closes the document step for good, or null while another document may still be recorded.
    /// An in-person R-VI-02 decision stays open until a letter is prepared: the resident may still show an accepted
    /// photo document the same day, or a supervisor may set R-ID-02 aside, and the same-day issue follows (R-VI-01).
    /// </summary>
    public static async Task<string?> FinalAsync(CounterDbContext db, Guid applicationId, ApplicantKind applicant, CancellationToken cancellationToken = default)
    {
        var decided = await DecidedByAsync(db, applicationId, applicant, cancellationToken);
        return decided == "R-VI-02" && !await db.InquiryLetters.AsNoTracking().AnyAsync(l => l.ApplicationId == applicationId, cancellationToken)
            ? null
            : decided;
    }

    /// <summary>Keeps an in-person "two visits" decision (call inside the caller's transaction, after the audit lock).</summary>
    public static async Task AddNoteAsync(CounterDbContext db, Guid applicationId, string ruleId, DateTimeOffset at, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.ApplicationStateChanges.Where(h => h.ApplicationId == applicationId).MaxAsync(h => (int?)h.Sequence, cancellationToken) ?? 0;
        db.ApplicationStateChanges.Add(new ApplicationStateChange
        {
            ApplicationId = applicationId,
            Sequence = last + 1,
            FromState = ApplicationState.Received,
            ToState = ApplicationState.Received,
            At = AuditChain.Stored(at),
            By = by,
            Note = Note(ruleId),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
