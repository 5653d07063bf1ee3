using CounterApp.Domain.Applications;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Issuance;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>The clerk marks a batch of prepared letters as put in the post today.</summary>
public sealed record MarkLettersMailed(IReadOnlyList<long> LetterIds, string Actor, int? CounterId);

/// <summary>
/// R-VI-02/04: each letter must still be "to be mailed"; its validity starts today; its application moves to
/// 照会書送付済み. All or nothing: one letter that cannot be mailed (or an application another clerk changed) leaves the
/// whole batch as it was.
/// </summary>
public sealed class MarkLettersMailedHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "letter.mailed";

    public async Task<LetterResult> HandleAsync(MarkLettersMailed request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            return LetterResult.Invalid("R-X-01", "actor", LetterText.Get("ActorRequired"));
        }

        if (request.LetterIds is not { Count: > 0 })
        {
            return LetterResult.Invalid("R-X-03", "letters", LetterText.Get("NoneSelected"));
        }

        var today = TokyoClock.Today(time);
        var now = time.GetUtcNow();
        var events = new List<AuditEvent>();
        var references = new List<string>();
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        foreach (var id in request.LetterIds.Distinct())
        {
            var loaded = await LoadedLetter.LoadAsync(db, id, cancellationToken);
            if (loaded is null)
            {
                return LetterResult.NotFound();
            }

            try
            {
                loaded.Letter.MarkMailed(today);
            }
            catch (InvalidOperationException)
            {
                return LetterResult.Invalid("R-VI-04", "letters", LetterText.Get("CannotMail", loaded.Letter.Reference.Display, LetterText.Status(loaded.Letter.Status)));
            }

            var application = await ApplicationMapper.LoadAsync(db, loaded.Record.ApplicationId, cancellationToken)
                ?? throw new InvalidOperationException($"Inquiry letter {id} has no application.");
            if (application.Application.State == ApplicationState.Received)
            {
                application.Application.MarkInquiryLetterMailed(now, request.Actor);
            }
            else if (application.Application.State != ApplicationState.InquiryLetterMailed)
            {
                return LetterResult.Invalid("R-X-03", "application.state", LetterText.Get("ApplicationClosed", loaded.Letter.Reference.Display));
            }

            LetterMapper.Apply(loaded.Letter, loaded.Record);
            var saved = await ApplicationMapper.SaveAsync(db, application.Application, application.Record, cancellationToken);
            if (!saved.Succeeded)
            {
                return LetterResult.Conflict(saved.Message);
            }

            references.Add(loaded.Letter.Reference.Value);
            events.Add(IssuanceAudit.Event(request.Actor, counter, application, AuditAction, AuditOutcomes.Succeeded,
                ("letter", loaded.Letter.Reference.Value), ("validThrough", loaded.Letter.ValidThrough?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }

        foreach (var auditEvent in events)
        {
            await audit.AppendAsync(auditEvent, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return LetterResult.Done(LetterText.Get("Mailed", references.Count), references);
    }
}
