using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Voids;

public sealed record RequestVoid(Guid ApplicationId, PaymentVoidKind Kind, string? Reason, string RequestedBy, int? CounterId);

/// <summary>
/// R-FE-03: the clerk asks for the void or refund of a failed application's fee, with a reason; a supervisor decides.
/// One pending request per receipt.
/// </summary>
public sealed class RequestVoidHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "fee.void-requested";

    public const int ReasonMaxLength = 200;

    public async Task<VoidResult> HandleAsync(RequestVoid request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReasonMaxLength)
        {
            return VoidResult.Refused("R-FE-03", "reason", "ReasonRequired", ReasonMaxLength);
        }

        if (string.IsNullOrWhiteSpace(request.RequestedBy))
        {
            return VoidResult.Refused("R-X-01", "requestedBy", "ActorRequired");
        }

        var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
        if (loaded?.Receipt is not { } receipt || !loaded.Application.Outstanding.Contains(Obligation.VoidOrRefundFee))
        {
            return VoidResult.Refused("R-FE-03", "application", "NothingToVoid");
        }

        var voids = db.Set<VoidRequestRecord>();
        if (await voids.AnyAsync(v => v.ReceiptId == receipt.Id && v.State == VoidRequestState.Pending, cancellationToken))
        {
            return VoidResult.Refused("R-FE-03", "application", "AlreadyRequested");
        }

        var row = new VoidRequestRecord
        {
            ReceiptId = receipt.Id,
            ApplicationId = loaded.Record.Id,
            Kind = request.Kind,
            Reason = reason,
            RequestedBy = request.RequestedBy,
            RequestedAt = AuditChain.Stored(time.GetUtcNow()),
            State = VoidRequestState.Pending,
        };
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        voids.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            IssuanceAudit.Event(request.RequestedBy, counter, loaded, AuditAction, AuditOutcomes.Succeeded,
                ("request", row.Id.ToString(CultureInfo.InvariantCulture)), ("receipt", receipt.Number), ("kind", row.Kind.ToString()), ("reason", reason)),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return VoidResult.Done(row.Id);
    }
}
