using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Approvals;

/// <summary>A request, with a reason, that a supervisor set aside a refusal: <paramref name="RuleId"/> is "R-HR-03" or "R-ID-02".</summary>
public sealed record RequestOverride(Guid ApplicationId, string? RuleId, string? Reason, string RequestedBy, int? CounterId);

/// <summary>
/// R-HR-03 / R-ID-02: from the refused step the clerk (or a supervisor) asks for an override; another supervisor
/// decides. Only for an open application waiting at its step, and one open request per rule and application.
/// </summary>
public sealed class RequestOverrideHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "override.requested";

    public const int ReasonMaxLength = 200;

    /// <summary>The rules a supervisor may set aside (SPEC R-HR-03, R-ID-02).</summary>
    public static readonly IReadOnlyList<string> OverridableRules = ["R-HR-03", "R-ID-02"];

    public async Task<OverrideResult> HandleAsync(RequestOverride request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RuleId is null || !OverridableRules.Contains(request.RuleId))
        {
            return OverrideResult.Refused("R-X-03", "ruleId", "RuleNotOverridable");
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReasonMaxLength)
        {
            return OverrideResult.Refused(request.RuleId, "reason", "ReasonRequired", ReasonMaxLength);
        }

        if (string.IsNullOrWhiteSpace(request.RequestedBy))
        {
            return OverrideResult.Refused("R-X-01", "requestedBy", "ActorRequired");
        }

        var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
        if (loaded is null || loaded.Application.State != ApplicationState.Received)
        {
            return OverrideResult.Refused(request.RuleId, "application", "ApplicationNotOpen");
        }

        var overrides = db.Set<OverrideRequestRecord>();
        if (await overrides.AnyAsync(
                o => o.ApplicationId == request.ApplicationId && o.RuleId == request.RuleId && o.State != OverrideRequestState.Rejected, cancellationToken))
        {
            return OverrideResult.Refused(request.RuleId, "application", "AlreadyRequested");
        }

        var row = new OverrideRequestRecord
        {
            ApplicationId = request.ApplicationId,
            RuleId = request.RuleId,
            Reason = reason,
            RequestedBy = request.RequestedBy,
            RequestedAt = AuditChain.Stored(time.GetUtcNow()),
            State = OverrideRequestState.Pending,
        };
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        overrides.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            IssuanceAudit.Event(request.RequestedBy, counter, loaded, AuditAction, AuditOutcomes.Succeeded,
                ("request", row.Id.ToString(CultureInfo.InvariantCulture)), ("rule", row.RuleId), ("reason", reason)),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OverrideResult.Done(row.Id);
    }
}
