using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Administration;

/// <summary>One row of the counter-hours form as typed ("HH:mm"); a row left blank at both ends is ignored.</summary>
public sealed record SessionInput(string? Start, string? End);

/// <summary>
/// The new accepting sessions of an office's open day. <paramref name="ExpectedCurrent"/> is the schedule the
/// administrator saw (<see cref="SaveOfficeHoursHandler.Describe"/>), so a change made meanwhile is not overwritten.
/// </summary>
public sealed record SaveOfficeHours(int OfficeId, IReadOnlyList<SessionInput> Sessions, string ExpectedCurrent, string Actor);

/// <summary>
/// R-HR-01: an administrator sets an office's counter sessions. Every session must end after it starts and none may
/// overlap another; the whole list is replaced in one audited transaction (old → new), or nothing changes.
/// </summary>
public sealed class SaveOfficeHoursHandler(CounterDbContext db, AuditTrail audit)
{
    public const string AuditAction = "admin.office-hours.changed";

    public const int MaxSessions = 6;

    /// <summary>A schedule as the audit and the concurrency check write it: "08:30–12:00, 13:00–16:30".</summary>
    public static string Describe(IEnumerable<(TimeOnly Start, TimeOnly End)> sessions) =>
        string.Join(", ", sessions.OrderBy(s => s.Start).Select(s => $"{s.Start:HH\\:mm}–{s.End:HH\\:mm}"));

    public async Task<AdminResult> HandleAsync(SaveOfficeHours request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (sessions, problem) = Validate(request.Sessions);
        if (problem is not null)
        {
            return problem;
        }

        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OfficeId, cancellationToken);
        if (office is null)
        {
            return AdminResult.Refused("R-HR-01", "office", "OfficeUnknown");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var current = await db.OfficeSessions.Where(s => s.OfficeId == office.Id).ToListAsync(cancellationToken);
        var old = Describe(current.Select(s => (s.Start, s.End)));
        if (!string.Equals(old, request.ExpectedCurrent, StringComparison.Ordinal))
        {
            return AdminResult.Refused("R-HR-01", "sessions", "HoursChangedMeanwhile", old);
        }

        var updated = Describe(sessions);
        if (string.Equals(updated, old, StringComparison.Ordinal))
        {
            return AdminResult.Done(updated); // the same schedule: nothing written, nothing to audit
        }

        db.OfficeSessions.RemoveRange(current);
        db.OfficeSessions.AddRange(sessions.Select(s => new OfficeSession { OfficeId = office.Id, Start = s.Start, End = s.End }));
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = request.Actor,
                Action = AuditAction,
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?> { ["office"] = office.Code, ["old"] = old, ["new"] = updated },
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done(updated);
    }

    private static (List<(TimeOnly Start, TimeOnly End)> Sessions, AdminResult? Problem) Validate(IReadOnlyList<SessionInput> rows)
    {
        var sessions = new List<(TimeOnly Start, TimeOnly End)>();
        var numbers = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var number = i + 1;
            if (string.IsNullOrWhiteSpace(row.Start) && string.IsNullOrWhiteSpace(row.End))
            {
                continue;
            }

            if (!TryParse(row.Start, out var start))
            {
                return ([], AdminResult.Refused("R-HR-01", $"sessions[{i}].start", "SessionTimeInvalid", number, AdminText.Get("SessionStart")));
            }

            if (!TryParse(row.End, out var end))
            {
                return ([], AdminResult.Refused("R-HR-01", $"sessions[{i}].end", "SessionTimeInvalid", number, AdminText.Get("SessionEnd")));
            }

            if (end <= start)
            {
                return ([], AdminResult.Refused("R-HR-01", $"sessions[{i}].end", "SessionEndNotAfterStart", number, $"{start:HH\\:mm}", $"{end:HH\\:mm}"));
            }

            sessions.Add((start, end));
            numbers.Add(number);
        }

        if (sessions.Count == 0)
        {
            return ([], AdminResult.Refused("R-HR-01", "sessions", "SessionsEmpty"));
        }

        if (sessions.Count > MaxSessions)
        {
            return ([], AdminResult.Refused("R-HR-01", "sessions", "SessionsTooMany", MaxSessions));
        }

        for (var a = 0; a < sessions.Count; a++)
        {
            for (var b = a + 1; b < sessions.Count; b++)
            {
                if (sessions[a].Start < sessions[b].End && sessions[b].Start < sessions[a].End)
                {
                    return ([], AdminResult.Refused("R-HR-01", $"sessions[{numbers[b] - 1}].start", "SessionsOverlap", numbers[b], numbers[a], Describe([sessions[b]]), Describe([sessions[a]])));
                }
            }
        }

        return (sessions, null);
    }

    private static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
