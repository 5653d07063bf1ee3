using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Ledger;

/// <summary>Staff as the ledger shows and checks them: display names for user names, and who is a supervisor.</summary>
internal static class StaffNames
{
    /// <summary>User name → display name; a name with no account (an old or imported row) shows as it is stored.</summary>
    public static async Task<Func<string, string>> DisplayNamesAsync(CounterDbContext db, IEnumerable<string> userNames, CancellationToken cancellationToken)
    {
        var names = userNames.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null && names.Contains(u.UserName))
            .Select(u => new { u.UserName, u.DisplayName })
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
        return name => found.TryGetValue(name, out var display) ? display : name;
    }

    /// <summary>The account and whether it holds the Supervisor role; null when there is no such account.</summary>
    public static async Task<(StaffUser User, bool IsSupervisor)?> FindAsync(CounterDbContext db, string userName, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var supervisor = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == user.Id && r.Name == StaffRoles.Supervisor
            select ur).AnyAsync(cancellationToken);
        return (user, supervisor);
    }
}
