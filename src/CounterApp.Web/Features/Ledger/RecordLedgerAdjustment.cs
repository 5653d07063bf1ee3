using System.Globalization;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Documents;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Ledger;

/// <summary>
/// A correction of a receipt found after its day was closed (R-FE-04): a void or refund recorded today, on today's
/// ledger, referencing the original receipt; the closed day stays exactly as printed. Also serves a same-day void
/// (R-FE-03). The approving supervisor is not the member of staff who asked for it.
/// </summary>
public sealed record RecordLedgerAdjustment(int OfficeId, string ReceiptNumber, PaymentVoidKind Kind, string Reason, string RequestedBy, string ApprovedBy);

public sealed record LedgerAdjustmentRecorded(long VoidId, string ReceiptNumber, DateOnly ReceiptDay, DateOnly RecordedOn, int Amount)
{
    /// <summary>True when the receipt belongs to an earlier day: the money leaves today's drawer.</summary>
    public bool IsAdjustmentOfEarlierDay => ReceiptDay < RecordedOn;
}

public sealed record RecordLedgerAdjustmentResult(Decision Decision, LedgerAdjustmentRecorded? Recorded);

public sealed class RecordLedgerAdjustmentHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "fee.adjustment-recorded";

    public async Task<RecordLedgerAdjustmentResult> HandleAsync(RecordLedgerAdjustment request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);

        var today = TokyoClock.Today(time);
        var receipt = await db.Receipts.Include(r => r.Void).SingleOrDefaultAsync(r => r.Number == request.ReceiptNumber, cancellationToken);
        var approver = await StaffNames.FindAsync(db, request.ApprovedBy, cancellationToken);
        var todayClosed = await db.LedgerDays.AnyAsync(d => d.OfficeId == request.OfficeId && d.Day == today && d.Status == LedgerDayStatus.Closed, cancellationToken);

        var broken = new List<BrokenRule>();
        if (receipt is null)
        {
            broken.Add(new BrokenRule("R-FE-03", "receiptNumber", DocumentText.Format("AdjustReceiptNotFound", request.ReceiptNumber)));
        }
        else if (receipt.OfficeId != request.OfficeId)
        {
            broken.Add(new BrokenRule("R-FE-03", "receiptNumber", DocumentText.Format("AdjustOtherOffice", request.ReceiptNumber)));
        }
        else if (receipt.Void is not null)
        {
            broken.Add(new BrokenRule("R-FE-03", "receiptNumber", DocumentText.Format("AdjustAlreadyVoided", request.ReceiptNumber)));
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            broken.Add(new BrokenRule("R-X-03", "reason", DocumentText.Format("AdjustReasonRequired")));
        }

        if (approver is not { IsSupervisor: true })
        {
            broken.Add(new BrokenRule("R-FE-03", "approvedBy", DocumentText.Format("AdjustApproverNotSupervisor", request.ApprovedBy)));
        }
        else if (string.Equals(request.ApprovedBy, request.RequestedBy, StringComparison.Ordinal))
        {
            broken.Add(new BrokenRule("R-FE-03", "approvedBy", DocumentText.Format("AdjustApproverIsRequester")));
        }

        if (todayClosed)
        {
            broken.Add(new BrokenRule("R-FE-04", "day", DocumentText.Format("AdjustDayClosed", today)));
        }

        if (broken.Count > 0)
        {
            await audit.AppendAsync(Event(request, AuditOutcomes.Refused, new Dictionary<string, string?>
            {
                ["rules"] = string.Join(",", broken.Select(b => $"{b.RuleId}:{b.Field}")),
            }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RecordLedgerAdjustmentResult(new Decision(broken, []), null);
        }

        var entry = new ReceiptVoid
        {
            ReceiptId = receipt!.Id,
            Kind = request.Kind,
            Reason = request.Reason.Trim(),
            RequestedBy = request.RequestedBy,
            ApprovedBy = request.ApprovedBy,
            At = AuditChain.Stored(time.GetUtcNow()),
            LedgerDay = today,
        };
        db.ReceiptVoids.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        var recorded = new LedgerAdjustmentRecorded(entry.Id, receipt.Number, receipt.LedgerDay, today, receipt.Total);
        await audit.AppendAsync(Event(request, AuditOutcomes.Succeeded, new Dictionary<string, string?>
        {
            ["receiptDay"] = receipt.LedgerDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["recordedOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["amount"] = receipt.Total.ToString(CultureInfo.InvariantCulture),
            ["kind"] = request.Kind.ToString(),
            ["approvedBy"] = request.ApprovedBy,
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RecordLedgerAdjustmentResult(Decision.Allowed, recorded);
    }

    private static AuditEvent Event(RecordLedgerAdjustment request, string outcome, Dictionary<string, string?> details)
    {
        details["office"] = request.OfficeId.ToString(CultureInfo.InvariantCulture);
        details["receipt"] = request.ReceiptNumber;
        return new AuditEvent { Actor = request.RequestedBy, Action = AuditAction, Outcome = outcome, Details = details };
    }
}
