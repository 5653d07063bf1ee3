using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Approvals;

/// <summary>An override request as the lists show it.</summary>
public sealed record OverrideRow(
    long Id, Guid ApplicationId, string ResidentCode, string RuleId, string Reason, string RequestedBy, DateTime RequestedAt,
    OverrideRequestState State, string? DecidedBy, string? DecisionReason);

public static class OverrideQueries
{
    /// <summary>Every pending request, oldest first.</summary>
    public static Task<IReadOnlyList<OverrideRow>> PendingAsync(CounterDbContext db, CancellationToken cancellationToken = default) =>
        ListAsync(db, null, cancellationToken);

    /// <summary>Every request of one application, whatever its state.</summary>
    public static Task<IReadOnlyList<OverrideRow>> ForApplicationAsync(CounterDbContext db, Guid applicationId, CancellationToken cancellationToken = default) =>
        ListAsync(db, applicationId, cancellationToken);

    private static async Task<IReadOnlyList<OverrideRow>> ListAsync(CounterDbContext db, Guid? applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = from o in db.Set<OverrideRequestRecord>().AsNoTracking()
                    join a in db.Applications.AsNoTracking() on o.ApplicationId equals a.Id
                    join r in db.Residents.AsNoTracking() on a.ResidentId equals r.Id
                    select new { o, r.ResidentCode };
        query = applicationId is { } id
            ? query.Where(x => x.o.ApplicationId == id)
            : query.Where(x => x.o.State == OverrideRequestState.Pending);
        var rows = await query
            .Select(x => new OverrideRow(x.o.Id, x.o.ApplicationId, x.ResidentCode, x.o.RuleId, x.o.Reason, x.o.RequestedBy, x.o.RequestedAt, x.o.State, x.o.DecidedBy, x.o.DecisionReason))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(o => o.RequestedAt).ThenBy(o => o.Id).ToList();
    }
}
