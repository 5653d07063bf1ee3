using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;

namespace CounterApp.Web.Features.Issuance;

public sealed record AbandonCardStep(Guid ApplicationId, string Reason, string Actor, int? CounterId);

/// <summary>
/// The card cannot be issued at this visit after the fee was paid (PIN blocked, card faulty, resident leaves): the
/// application fails and owes the void or refund of its fee (R-FE-03), which a supervisor then approves.
/// </summary>
public sealed class AbandonCardStepHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "application.failed";

    public async Task<IssuanceResult> HandleAsync(AbandonCardStep request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
        {
            return IssuanceResult.Invalid("R-FE-03", "reason", IssuanceText.Get("ReasonRequired"));
        }

        var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
        if (loaded is null)
        {
            return IssuanceResult.NotFound();
        }

        if (loaded.Application.State != ApplicationState.FeePaid)
        {
            return IssuanceResult.WrongStep(loaded.Application.State.ToString());
        }

        loaded.Application.Fail(reason, time.GetUtcNow(), request.Actor);
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        return await StepCommit.CommitAsync(db, audit, loaded,
            [IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Succeeded, ("reason", reason), ("outstanding", string.Join(",", loaded.Application.Outstanding.Order())))],
            new IssuanceResult(IssuanceOutcome.Failed, [], IssuanceText.Get("FailedAfterPayment")), cancellationToken);
    }
}
