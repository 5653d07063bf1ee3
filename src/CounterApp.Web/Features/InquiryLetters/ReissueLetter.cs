using CounterApp.Domain.Applications;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>The clerk reissues a letter (lost, returned, resident moved within the town).</summary>
public sealed record ReissueLetter(long LetterId, string Actor, int? CounterId);

/// <summary>
/// R-VI-04/05: the old letter is voided (superseded) and a new one with a new reference number is prepared for the
/// same application, addressed from the register as it is today. A used or superseded letter, or one whose application
/// is closed (e.g. expired), cannot be reissued.
/// </summary>
public sealed class ReissueLetterHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "letter.reissued";

    public async Task<LetterResult> HandleAsync(ReissueLetter request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            return LetterResult.Invalid("R-X-01", "actor", LetterText.Get("ActorRequired"));
        }

        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var loaded = await LoadedLetter.LoadAsync(db, request.LetterId, cancellationToken);
        if (loaded is null)
        {
            return LetterResult.NotFound();
        }

        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == loaded.Record.ApplicationId, cancellationToken);
        if (application.State is ApplicationState.Completed or ApplicationState.Refused or ApplicationState.Cancelled or ApplicationState.Failed)
        {
            return LetterResult.Invalid("R-VI-04", "letter", LetterText.Get("ApplicationClosed", loaded.Letter.Reference.Display));
        }

        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == loaded.Resident.Id, cancellationToken);
        Domain.Letters.InquiryLetter successor;
        try
        {
            successor = loaded.Letter.Reissue(await LetterMapper.NextReferenceAsync(db, application.OfficeId, cancellationToken), resident.ToDomain(), TokyoClock.Today(time));
        }
        catch (InvalidOperationException)
        {
            return LetterResult.Invalid("R-VI-04", "letter", LetterText.Get("CannotReissue", loaded.Letter.Reference.Display, LetterText.Status(loaded.Letter.Status)));
        }

        InquiryLetterRecord next = LetterMapper.NewRecord(successor, resident.Id);
        db.InquiryLetters.Add(next);
        await db.SaveChangesAsync(cancellationToken);
        LetterMapper.Apply(loaded.Letter, loaded.Record);
        loaded.Record.SupersededById = next.Id;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            IssuanceAudit.Event(request.Actor, counter, resident.ResidentCode, application.Id, AuditAction, AuditOutcomes.Succeeded,
                ("letter", successor.Reference.Value), ("voided", loaded.Letter.Reference.Value)),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LetterResult.Done(LetterText.Get("Reissued", loaded.Letter.Reference.Display, successor.Reference.Display), successor.Reference.Value);
    }
}
