using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Voids;

/// <summary>A pending void request as the supervisor's list shows it.</summary>
public sealed record PendingVoid(long Id, string ReceiptNumber, int Total, PaymentVoidKind Kind, string Reason, string RequestedBy, DateTime RequestedAt, Guid? ApplicationId);

public static class VoidQueries
{
    /// <summary>Every pending request of every office, oldest first, in one query.</summary>
    public static Task<IReadOnlyList<PendingVoid>> PendingAsync(CounterDbContext db, CancellationToken cancellationToken = default) =>
        PendingAsync(db, officeId: null, cancellationToken);

    /// <summary>
    /// The pending requests whose receipt was issued at <paramref name="officeId"/> (a supervisor decides for their own
    /// office), oldest first, in one query; every office's when <paramref name="officeId"/> is null.
    /// </summary>
    public static async Task<IReadOnlyList<PendingVoid>> PendingAsync(CounterDbContext db, int? officeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from v in db.Set<VoidRequestRecord>().AsNoTracking()
                          join r in db.Receipts.AsNoTracking() on v.ReceiptId equals r.Id
                          where v.State == VoidRequestState.Pending && (officeId == null || r.OfficeId == officeId)
                          select new PendingVoid(v.Id, r.Number, r.Total, v.Kind, v.Reason, v.RequestedBy, v.RequestedAt, v.ApplicationId))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(v => v.RequestedAt).ThenBy(v => v.Id).ToList();
    }
}
