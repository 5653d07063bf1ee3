using Microsoft.AspNetCore.Identity;

namespace CounterApp.Web.Data.Entities;

/// <summary>A member of staff (clerk, supervisor, administrator) signing in with ASP.NET Core Identity.</summary>
public sealed class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public int? OfficeId { get; set; }

    public Office? Office { get; set; }
}

/// <summary>The roles of SPEC.md's "Who uses it".</summary>
public static class StaffRoles
{
    public const string Clerk = "Clerk";
    public const string Supervisor = "Supervisor";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Clerk, Supervisor, Administrator];
}
