using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data;

/// <summary>Role checks against the database for handlers that decide on someone else's request (segregation of duties).</summary>
public static class StaffRoleQueries
{
    /// <summary>True when the member of staff signed in as <paramref name="userName"/> holds <paramref name="role"/> now.</summary>
    public static Task<bool> HasRoleAsync(this CounterDbContext db, string userName, string role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join staffRole in db.Roles on userRole.RoleId equals staffRole.Id
                where user.UserName == userName && staffRole.Name == role
                select user.Id).AnyAsync(cancellationToken);
    }
}
