using System.Globalization;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Administration;

/// <summary>A 休日開庁日 to add, as typed ("yyyy-MM-dd"), with an optional note.</summary>
public sealed record AddHolidayOpeningDay(string? Day, string? Note, string Actor);

/// <summary>
/// R-HR-02: an administrator keeps the list of 休日開庁日 (the town hall opens, certificate services do not). A day must
/// be a real date from today on, listed once; every change is audited with the list before and after.
/// </summary>
public sealed class HolidayOpeningDaysHandler(CounterDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AddedAction = "admin.holiday-opening-day.added";

    public const string RemovedAction = "admin.holiday-opening-day.removed";

    public const int NoteMaxLength = 100;

    public async Task<AdminResult> AddAsync(AddHolidayOpeningDay request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DateOnly.TryParseExact(request.Day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return AdminResult.Refused("R-HR-02", "day", "OpeningDayInvalid");
        }

        var today = TokyoClock.Today(time);
        if (day < today || day.Year > 2050)
        {
            return AdminResult.Refused("R-HR-02", "day", "OpeningDayOutOfRange", UiFormat.Date(today));
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > NoteMaxLength })
        {
            return AdminResult.Refused("R-HR-02", "note", "OpeningDayNoteTooLong", NoteMaxLength);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var old = await ListAsync(cancellationToken);
        if (old.Contains(day))
        {
            return AdminResult.Refused("R-HR-02", "day", "OpeningDayDuplicate", UiFormat.Date(day));
        }

        db.HolidayOpeningDays.Add(new HolidayOpeningDay { Day = day, Note = note });
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(AddedAction, request.Actor, day, note, old, [.. old, day], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done(UiFormat.Date(day));
    }

    public async Task<AdminResult> RemoveAsync(DateOnly day, string actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var row = await db.HolidayOpeningDays.SingleOrDefaultAsync(d => d.Day == day, cancellationToken);
        if (row is null)
        {
            return AdminResult.Refused("R-HR-02", "day", "OpeningDayNotListed", UiFormat.Date(day));
        }

        var old = await ListAsync(cancellationToken);
        db.HolidayOpeningDays.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(RemovedAction, actor, day, row.Note, old, old.Where(d => d != day).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done(UiFormat.Date(day));
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Describe(IEnumerable<DateOnly> days) => string.Join(", ", days.Order().Select(Format));

    private async Task<List<DateOnly>> ListAsync(CancellationToken cancellationToken) =>
        await db.HolidayOpeningDays.AsNoTracking().Select(d => d.Day).ToListAsync(cancellationToken);

    private Task<AuditEntry> AuditAsync(string action, string actor, DateOnly day, string? note, List<DateOnly> old, List<DateOnly> updated, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEvent
            {
                Actor = actor,
                Action = action,
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?>
                {
                    ["day"] = Format(day),
                    ["note"] = note,
                    ["old"] = Describe(old),
                    ["new"] = Describe(updated),
                },
            },
            cancellationToken);
}
