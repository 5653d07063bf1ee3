using System.Globalization;
using System.Security.Claims;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Counters;

/// <summary>A counter a member of staff can sit at, with its office.</summary>
public sealed record CounterOption(int Id, int Number, string Name, string OfficeName);

/// <summary>
/// After sign-in a clerk says which counter they sit at; the choice rides in the sign-in cookie (so it cannot be
/// forged) and decides which reader the card steps use. Audited (R-X-01).
/// </summary>
public sealed class CounterChoice(CounterDbContext db, SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditTrail audit, StaffContext staff)
{
    public async Task<IReadOnlyList<CounterOption>> OptionsAsync(CancellationToken cancellationToken = default)
    {
        var office = staff.OfficeId;
        return await db.Counters.AsNoTracking()
            .Where(c => c.Active && (office == null || c.OfficeId == office))
            .OrderBy(c => c.OfficeId).ThenBy(c => c.Number)
            .Select(c => new CounterOption(c.Id, c.Number, c.Name, c.Office!.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The counter the signed-in member of staff chose, or null.</summary>
    public async Task<CounterOption?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (staff.CounterId is not { } id)
        {
            return null;
        }

        return await db.Counters.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CounterOption(c.Id, c.Number, c.Name, c.Office!.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Re-issues the sign-in cookie with the counter; false when the counter is not one of the office's.</summary>
    public async Task<bool> ChooseAsync(int counterId, CancellationToken cancellationToken = default)
    {
        var options = await OptionsAsync(cancellationToken);
        var counter = options.FirstOrDefault(o => o.Id == counterId);
        var user = await users.FindByNameAsync(staff.UserName);
        if (counter is null || user is null)
        {
            return false;
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffClaims.Counter, counterId.ToString(CultureInfo.InvariantCulture))]);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = staff.UserName,
                Counter = counter.Number.ToString(CultureInfo.InvariantCulture),
                Action = "staff.counter-chosen",
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?> { ["counter"] = counter.Name },
            },
            cancellationToken);
        return true;
    }
}
