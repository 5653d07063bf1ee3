using System.Globalization;
using System.Security.Claims;
using CounterApp.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Hosting;

/// <summary>The claims a staff cookie carries besides name and roles.</summary>
public static class StaffClaims
{
    public const string DisplayName = "counterapp:display_name";

    public const string Office = "counterapp:office";

    /// <summary>The counter the clerk sits at (chosen after sign-in).</summary>
    public const string Counter = "counterapp:counter";

    /// <summary>Present while a member of staff whose role needs two-factor sign-in has no authenticator yet.</summary>
    public const string TwoFactorEnrolmentRequired = "counterapp:2fa_enrolment_required";

    /// <summary>A user claim (stored) set when an administrator resets the password: change it before anything else.</summary>
    public const string PasswordChangeRequired = "counterapp:password_change_required";
}

/// <summary>Adds the display name and office to the principal Identity builds at sign-in.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IOptions<SecurityOptions> security)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.OfficeId is { } office)
        {
            identity.AddClaim(new Claim(StaffClaims.Office, office.ToString(CultureInfo.InvariantCulture)));
        }

        if (!user.TwoFactorEnabled && security.Value.TwoFactorRoleList().Any(r => identity.HasClaim(identity.RoleClaimType, r)))
        {
            identity.AddClaim(new Claim(StaffClaims.TwoFactorEnrolmentRequired, "true"));
        }

        return identity;
    }
}
