using CounterApp.Domain.Applications;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>
/// R-VI-04: a mailed letter past its last valid day expires and its application is cancelled with the reason, each
/// letter in its own transaction (one failure does not hold the others back). Audited as the system.
/// </summary>
public sealed class ExpireLettersHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "letter.expired";
    public const string Actor = "system:letter-expiry";

    /// <summary>One pass; returns the reference numbers of the letters it expired.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var today = TokyoClock.Today(time);
        var candidates = await db.InquiryLetters.AsNoTracking()
            .Where(l => l.Status == LetterStatus.Mailed && l.MailedOn < today)
            .Select(l => new { l.Id, l.MailedOn, l.ValidDays })
            .ToListAsync(cancellationToken);
        var expired = new List<string>();
        foreach (var candidate in candidates.Where(c => c.MailedOn!.Value.AddDays(c.ValidDays) < today).OrderBy(c => c.Id))
        {
            db.ChangeTracker.Clear();
            if (await ExpireAsync(candidate.Id, today, cancellationToken) is { } reference)
            {
                expired.Add(reference);
            }
        }

        return expired;
    }

    private async Task<string?> ExpireAsync(long id, DateOnly today, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var loaded = await LoadedLetter.LoadAsync(db, id, cancellationToken);
        if (loaded is null || !loaded.Letter.ExpireIfDue(today))
        {
            return null;
        }

        LetterMapper.Apply(loaded.Letter, loaded.Record);
        var application = await ApplicationMapper.LoadAsync(db, loaded.Record.ApplicationId, cancellationToken)
            ?? throw new InvalidOperationException($"Inquiry letter {id} has no application.");
        var reason = LetterText.Get("ExpiredReason", loaded.Letter.Reference.Display, loaded.Letter.ValidThrough is { } through ? Hosting.UiFormat.Date(through) : "—");
        var closed = false;
        if (application.Application.State is ApplicationState.Received or ApplicationState.InquiryLetterMailed or ApplicationState.AnswerReturned)
        {
            application.Application.Cancel(reason, time.GetUtcNow(), Actor);
            closed = true;
        }

        var saved = await ApplicationMapper.SaveAsync(db, application.Application, application.Record, cancellationToken);
        if (!saved.Succeeded)
        {
            // A clerk is working on this application right now: the next pass tries again.
            return null;
        }

        await audit.AppendAsync(
            IssuanceAudit.Event(Actor, null, application, AuditAction, AuditOutcomes.Succeeded,
                ("letter", loaded.Letter.Reference.Value), ("applicationClosed", closed ? "cancelled" : application.Application.State.ToString())),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return loaded.Letter.Reference.Value;
    }
}
