using CounterApp.Domain.Letters;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.CancelApplication;

/// <summary>The clerk withdraws (取り下げ) an open application: the reason is required, the clerk confirmed it.</summary>
public sealed record CancelApplication(Guid ApplicationId, string? Reason, bool Confirmed, string Actor, int? CounterId);

/// <summary>
/// Cancels an open application before any fee stands (R-FE-03) and before a certificate exists (revocation's
/// business, R-RV-01). A prepared or mailed inquiry letter of the application is voided in the same transaction so a
/// second visit with it is refused (R-VI-04). The application's history keeps the reason; the audit entry says who,
/// when, where, for whom and why (R-X-01). Nothing is saved when anything is refused (R-X-03).
/// </summary>
public sealed class CancelApplicationHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "application.cancelled";

    public const int ReasonMaxLength = 200;

    public async Task<IssuanceResult> HandleAsync(CancelApplication request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Actor))
        {
            return IssuanceResult.Invalid("R-X-01", "actor", CancelText.Get("ActorRequired"));
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReasonMaxLength)
        {
            return IssuanceResult.Invalid("R-X-03", "reason", CancelText.Get("ReasonRequired", ReasonMaxLength));
        }

        if (!request.Confirmed)
        {
            return IssuanceResult.Invalid("R-X-03", "confirmed", CancelText.Get("ConfirmRequired"));
        }

        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
        if (loaded is null)
        {
            return IssuanceResult.NotFound();
        }

        if (CancelableRule.Problem(loaded.Application) is { } problem)
        {
            return new IssuanceResult(IssuanceOutcome.Rejected, [problem], problem.Message) { ApplicationId = loaded.Record.Id };
        }

        var now = time.GetUtcNow();
        loaded.Application.Cancel(reason, now, request.Actor);
        var saved = await ApplicationMapper.SaveAsync(db, loaded.Application, loaded.Record, cancellationToken);
        if (!saved.Succeeded)
        {
            return IssuanceResult.Conflict(saved.Message);
        }

        // R-VI-04: a letter that could still be brought back is void: the second visit refuses a cancelled letter.
        var letters = await db.InquiryLetters
            .Where(l => l.ApplicationId == loaded.Record.Id && (l.Status == LetterStatus.Prepared || l.Status == LetterStatus.Mailed))
            .ToListAsync(cancellationToken);
        foreach (var letter in letters)
        {
            letter.Status = LetterStatus.Cancelled;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Succeeded,
                ("procedure", loaded.Application.Procedure.ToString()),
                ("from", loaded.Application.History[^1].From.ToString()),
                ("reason", reason),
                ("lettersVoided", letters.Count == 0 ? null : string.Join(",", letters.Select(l => l.Reference)))),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return IssuanceResult.Done(CancelText.Get("Cancelled")) with { ApplicationId = loaded.Record.Id };
    }
}
