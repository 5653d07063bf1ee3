using System.Globalization;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Concurrency;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Voids;

/// <summary>A supervisor's decision on a pending void request; a reason is required to reject.</summary>
/// <param name="OfficeId">The supervisor's office: a request about another office's receipt is refused. Null: any office.</param>
public sealed record DecideVoid(long RequestId, bool Approve, string Supervisor, string? Reason, int? OfficeId = null);

/// <summary>
/// R-FE-03: a supervisor (by role, and not the clerk who asked: segregation of duties) approves or rejects a void
/// request. Approval records the receipt's void on today's ledger day (a closed day refuses it, R-FE-04) and voids the
/// application's payment, in one audited transaction.
/// </summary>
public sealed class DecideVoidHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string ApprovedAction = "fee.voided";

    public const string RejectedAction = "fee.void-rejected";

    public async Task<VoidResult> HandleAsync(DecideVoid request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason?.Trim();
        if (reason is { Length: > RequestVoidHandler.ReasonMaxLength } || (!request.Approve && string.IsNullOrEmpty(reason)))
        {
            return VoidResult.Refused("R-FE-03", "reason", "DecisionReasonRequired", RequestVoidHandler.ReasonMaxLength);
        }

        if (!await db.HasRoleAsync(request.Supervisor, StaffRoles.Supervisor, cancellationToken))
        {
            return VoidResult.Refused("R-FE-03", "supervisor", "SupervisorOnly");
        }

        var row = await db.Set<VoidRequestRecord>().SingleOrDefaultAsync(v => v.Id == request.RequestId, cancellationToken);
        if (row is not { State: VoidRequestState.Pending })
        {
            return VoidResult.Refused("R-FE-03", "request", "NotPending");
        }

        if (request.OfficeId is { } officeId && !await db.Receipts.AnyAsync(r => r.Id == row.ReceiptId && r.OfficeId == officeId, cancellationToken))
        {
            return VoidResult.Refused("R-FE-03", "request", "OtherOffice");
        }

        if (string.Equals(row.RequestedBy, request.Supervisor, StringComparison.Ordinal))
        {
            return VoidResult.Refused("R-FE-03", "supervisor", "NotTheRequester");
        }

        var now = time.GetUtcNow();
        row.State = request.Approve ? VoidRequestState.Approved : VoidRequestState.Rejected;
        row.DecidedBy = request.Supervisor;
        row.DecidedAt = AuditChain.Stored(now);
        row.DecisionReason = string.IsNullOrEmpty(reason) ? null : reason;
        var loaded = row.ApplicationId is { } applicationId ? await ApplicationMapper.LoadAsync(db, applicationId, cancellationToken) : null;
        var receipt = loaded?.Receipt ?? await db.Receipts.SingleAsync(r => r.Id == row.ReceiptId, cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await audit.LockChainAsync(cancellationToken);
            if (request.Approve)
            {
                var paymentVoid = new PaymentVoid(row.Kind, row.Reason, row.RequestedBy, request.Supervisor, now);
                db.ReceiptVoids.Add(new ReceiptVoid
                {
                    ReceiptId = row.ReceiptId,
                    Kind = row.Kind,
                    Reason = row.Reason,
                    RequestedBy = row.RequestedBy,
                    ApprovedBy = request.Supervisor,
                    At = AuditChain.Stored(now),
                    LedgerDay = TokyoClock.Today(time),
                });
                loaded?.Application.VoidPayment(paymentVoid);
            }

            var saved = loaded is null
                ? await db.SaveOrConflictAsync(cancellationToken: cancellationToken)
                : await ApplicationMapper.SaveAsync(db, loaded.Application, loaded.Record, cancellationToken);
            if (!saved.Succeeded)
            {
                return new VoidResult(null, new("R-FE-03", "request", saved.Message!));
            }

            await audit.AppendAsync(
                new AuditEvent
                {
                    Actor = request.Supervisor,
                    ResidentCode = loaded?.Resident.ResidentCode,
                    Action = request.Approve ? ApprovedAction : RejectedAction,
                    Outcome = AuditOutcomes.Succeeded,
                    Details = new Dictionary<string, string?>
                    {
                        ["request"] = row.Id.ToString(CultureInfo.InvariantCulture),
                        ["receipt"] = receipt.Number,
                        ["kind"] = row.Kind.ToString(),
                        ["requestedBy"] = row.RequestedBy,
                        ["reason"] = row.Reason,
                        ["decisionReason"] = row.DecisionReason,
                        ["application"] = row.ApplicationId?.ToString(),
                    },
                },
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return VoidResult.Done(row.Id);
        }
        catch (DbUpdateException e) when (ClosedDayRefusal.Is(e))
        {
            db.ChangeTracker.Clear();
            return VoidResult.Refused("R-FE-04", "ledger.day", "LedgerDayClosed");
        }
    }
}
