using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Issuance;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>The post office brought a mailed letter back: addressee unknown.</summary>
public sealed record MarkLetterReturned(long LetterId, string Actor, int? CounterId);

/// <summary>R-VI-04: only a mailed letter can come back; a returned letter can no longer be used (the clerk may reissue).</summary>
public sealed class MarkLetterReturnedHandler(CounterDbContext db, AuditTrail audit)
{
    public const string AuditAction = "letter.returned";

    public async Task<LetterResult> HandleAsync(MarkLetterReturned request, CancellationToken cancellationToken = default)
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

        try
        {
            loaded.Letter.MarkReturnedUndeliverable();
        }
        catch (InvalidOperationException)
        {
            return LetterResult.Invalid("R-VI-04", "letter", LetterText.Get("CannotReturn", loaded.Letter.Reference.Display, LetterText.Status(loaded.Letter.Status)));
        }

        LetterMapper.Apply(loaded.Letter, loaded.Record);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            IssuanceAudit.Event(request.Actor, counter, loaded.Resident.ResidentCode, loaded.Record.ApplicationId, AuditAction, AuditOutcomes.Succeeded,
                ("letter", loaded.Letter.Reference.Value)),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LetterResult.Done(LetterText.Get("Returned", loaded.Letter.Reference.Display), loaded.Letter.Reference.Value);
    }
}
