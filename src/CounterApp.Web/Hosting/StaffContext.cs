using System.Globalization;
using System.Security.Claims;
using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Hosting;

/// <summary>Who is at the counter for this request: the signed-in member of staff, their office and chosen counter.</summary>
public sealed class StaffContext(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>The sign-in name, used as the actor in audit entries and application history.</summary>
    public string UserName => User.Identity?.Name ?? throw new InvalidOperationException("No member of staff is signed in.");

    public string DisplayName => User.FindFirstValue(StaffClaims.DisplayName) ?? UserName;

    public string? StaffId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public int? OfficeId => Number(StaffClaims.Office);

    /// <summary>The counter chosen after sign-in; null until chosen (administrators need none).</summary>
    public int? CounterId => Number(StaffClaims.Counter);

    public bool IsInRole(string role) => User.IsInRole(role);

    public bool IsCounterStaff => IsInRole(StaffRoles.Clerk) || IsInRole(StaffRoles.Supervisor);

    private int? Number(string claim) =>
        int.TryParse(User.FindFirstValue(claim), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
