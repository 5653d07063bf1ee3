using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Voids;

/// <summary>A pending void request as the supervisor's list shows it.</summary>
public sealed record PendingVoid(long Id, string ReceiptNumber, int Total, PaymentVoidKind Kind, string Reason, string RequestedBy, DateTime RequestedAt, Guid? ApplicationId);

public static class VoidQueries
{
    /// <summary>Every pending request, oldest first, in one query.</summary>
    public static async Task<IReadOnlyList<PendingVoid>> PendingAsync(CounterDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from v in db.Set<VoidRequestRecord>().AsNoTracking()
                          join r in db.Receipts.AsNoTracking() on v.ReceiptId equals r.Id
                          where v.State == VoidRequestState.Pending
                          select new PendingVoid(v.Id, r.Number, r.Total, v.Kind, v.Reason, v.RequestedBy, v.RequestedAt, v.ApplicationId))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(v => v.RequestedAt).ThenBy(v => v.Id).ToList();
    }
}
