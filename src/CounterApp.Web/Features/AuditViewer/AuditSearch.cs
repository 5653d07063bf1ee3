using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.AuditViewer;

/// <summary>One audit entry as the viewer and the CSV show it; <see cref="AtTokyo"/> is Tokyo wall-clock time.</summary>
public sealed record AuditRow(long Id, DateTime AtUtc, string Actor, string? Counter, string? ResidentCode, string Action, string Outcome, string? Details)
{
    public DateTime AtTokyo => TokyoClock.ToTokyo(new DateTimeOffset(DateTime.SpecifyKind(AtUtc, DateTimeKind.Utc)));
}

/// <summary>A page of the audit log, newest first; <see cref="HasNext"/> when an older page exists.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Number, bool HasNext);

/// <summary>
/// Reads the audit log for the supervisor (R-X-01): filtered in the database (resident_code and at are indexed), newest
/// first, a page of <see cref="PageSize"/> in one query.
/// </summary>
public sealed class AuditSearch(CounterDbContext db)
{
    public const int PageSize = 100;

    /// <summary>The page <paramref name="number"/> (1-based; anything below 1 reads as 1).</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, int number, CancellationToken cancellationToken = default)
    {
        number = Math.Max(1, number);
        var rows = await Query(filter)
            .Skip((number - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        return new AuditPage(rows.Take(PageSize).ToList(), number, rows.Count > PageSize);
    }

    /// <summary>Every matching entry, newest first, streamed (for the CSV export).</summary>
    public IAsyncEnumerable<AuditRow> AllAsync(AuditFilter filter) => Query(filter).AsAsyncEnumerable();

    private IQueryable<AuditRow> Query(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entries = db.AuditEntries.AsNoTracking();
        if (filter.FromUtc is { } from)
        {
            entries = entries.Where(a => a.At >= from);
        }

        if (filter.BeforeUtc is { } before)
        {
            entries = entries.Where(a => a.At < before);
        }

        if (filter.ResidentCode is { } resident)
        {
            entries = entries.Where(a => a.ResidentCode == resident);
        }

        if (filter.Actor is { } actor)
        {
            entries = entries.Where(a => a.Actor == actor);
        }

        if (filter.ActionPrefix is { } prefix)
        {
            entries = entries.Where(a => a.Action.StartsWith(prefix));
        }

        return entries
            .OrderByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.Actor, a.Counter, a.ResidentCode, a.Action, a.Outcome, a.Details));
    }
}
