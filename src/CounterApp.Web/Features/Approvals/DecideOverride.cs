using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Concurrency;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Approvals;

/// <summary>A supervisor's decision, with a reason, on a pending override request.</summary>
public sealed record DecideOverride(long RequestId, bool Approve, string Supervisor, string? Reason);

/// <summary>
/// R-HR-03 / R-ID-02: a supervisor (by role) who did not make the request (segregation of duties, also when the
/// requester is a supervisor) approves or rejects it with a reason; who, when and why are kept and audited.
/// </summary>
public sealed class DecideOverrideHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string ApprovedAction = "override.approved";

    public const string RejectedAction = "override.rejected";

    public async Task<OverrideResult> HandleAsync(DecideOverride request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await db.Set<OverrideRequestRecord>().SingleOrDefaultAsync(o => o.Id == request.RequestId, cancellationToken);
        if (row is not { State: OverrideRequestState.Pending })
        {
            return OverrideResult.Refused(row?.RuleId ?? "R-X-03", "request", "NotPending");
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > RequestOverrideHandler.ReasonMaxLength)
        {
            return OverrideResult.Refused(row.RuleId, "reason", "DecisionReasonRequired", RequestOverrideHandler.ReasonMaxLength);
        }

        if (!await db.HasRoleAsync(request.Supervisor, StaffRoles.Supervisor, cancellationToken))
        {
            return OverrideResult.Refused(row.RuleId, "supervisor", "SupervisorOnly");
        }

        if (string.Equals(row.RequestedBy, request.Supervisor, StringComparison.Ordinal))
        {
            return OverrideResult.Refused(row.RuleId, "supervisor", "NotTheRequester");
        }

        row.State = request.Approve ? OverrideRequestState.Approved : OverrideRequestState.Rejected;
        row.DecidedBy = request.Supervisor;
        row.DecidedAt = AuditChain.Stored(time.GetUtcNow());
        row.DecisionReason = reason;
        var residentCode = await (from application in db.Applications
                                  join resident in db.Residents on application.ResidentId equals resident.Id
                                  where application.Id == row.ApplicationId
                                  select resident.ResidentCode).SingleOrDefaultAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var saved = await db.SaveOrConflictAsync(cancellationToken: cancellationToken);
        if (!saved.Succeeded)
        {
            return new OverrideResult(null, new(row.RuleId, "request", saved.Message!));
        }

        await audit.AppendAsync(
            IssuanceAudit.Event(request.Supervisor, null, residentCode, row.ApplicationId, request.Approve ? ApprovedAction : RejectedAction, AuditOutcomes.Succeeded,
                ("request", row.Id.ToString(CultureInfo.InvariantCulture)), ("rule", row.RuleId), ("requestedBy", row.RequestedBy),
                ("reason", row.Reason), ("decisionReason", reason)),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OverrideResult.Done(row.Id);
    }
}
