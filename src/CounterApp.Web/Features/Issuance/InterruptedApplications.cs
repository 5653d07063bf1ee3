using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>An application back at the card step after a cut session, waiting for the clerk's retry or a void (R-CE-09).</summary>
public sealed record InterruptedApplication(Guid Id, string ResidentName, IssuanceInterruption Interruption);

/// <summary>The supervisor's list of interrupted issuances still open at the card step (what happened, when, what was revoked).</summary>
public static class InterruptedApplications
{
    public static async Task<IReadOnlyList<InterruptedApplication>> OpenAsync(CounterDbContext db, int? officeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.State == ApplicationState.FeePaid && (officeId == null || a.OfficeId == officeId)
                && a.History.Any(h => h.ToState == ApplicationState.FeePaid && CardSessionStates.BeforePassword.Contains(h.FromState)))
            .Include(a => a.Resident)
            .Include(a => a.History)
            .ToListAsync(cancellationToken);
        return rows
            .Select(a => new InterruptedApplication(a.Id, a.Resident!.ToDomain().FullName, IssuanceInterruption.Latest(a.History)!))
            .OrderByDescending(a => a.Interruption.AtUtc)
            .ToList();
    }
}
