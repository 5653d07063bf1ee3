using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.SignIn;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.StaffAccounts;

/// <summary>One member of staff as the administrator's list shows them.</summary>
public sealed record StaffAccountRow(
    string Id, string UserName, string DisplayName, int? OfficeId, string? OfficeName, IReadOnlyList<string> Roles,
    bool Disabled, bool LockedOut, bool TwoFactorEnabled, bool PasswordChangeRequired);

/// <summary>A new account; the password is typed by the administrator and is never stored in clear, echoed or audited.</summary>
public sealed record CreateStaffAccount(string? UserName, string? DisplayName, int? OfficeId, IReadOnlyCollection<string> Roles, string? Password, string Actor);

/// <summary>New display name, office and roles of an account.</summary>
public sealed record EditStaffAccount(string Id, string? DisplayName, int? OfficeId, IReadOnlyCollection<string> Roles, string Actor);

/// <summary>
/// Staff accounts administration (Administrator only): create, edit roles/name/office, disable and enable, reset the
/// password (the user must change it at the next sign-in) and reset two-factor sign-in. Every change runs in one
/// transaction with its audit entry (R-X-01), never with a secret (R-X-02); bad input names the field (R-X-03).
/// An administrator cannot remove their own Administrator role or disable themselves, and one enabled
/// administrator always remains (<see cref="StaffAccountRules"/>).
/// </summary>
public sealed partial class StaffAccountsHandler(CounterDbContext db, UserManager<StaffUser> users, AuditTrail audit)
{
    /// <summary>Lockout end of a disabled account (far future; Identity treats it as locked out).</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int MaxNameLength = 64;

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year >= 9000;

    public async Task<IReadOnlyList<StaffAccountRow>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var staff = await db.Users.AsNoTracking().Include(u => u.Office).ToListAsync(cancellationToken);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var mustChange = await db.UserClaims.Where(c => c.ClaimType == StaffClaims.PasswordChangeRequired).Select(c => c.UserId).ToListAsync(cancellationToken);
        return staff
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new StaffAccountRow(
                u.Id,
                u.UserName ?? string.Empty,
                u.DisplayName,
                u.OfficeId,
                u.Office?.Name,
                [.. StaffRoles.All.Where(r => roles.Any(x => x.UserId == u.Id && x.Name == r))],
                IsDisabled(u.LockoutEnd),
                u.LockoutEnd is { } end && end > now && !IsDisabled(end),
                u.TwoFactorEnabled,
                mustChange.Contains(u.Id)))
            .ToList();
    }

    public async Task<StaffAccountResult> CreateAsync(CreateStaffAccount request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userName = request.UserName?.Trim() ?? string.Empty;
        if (userName.Length == 0)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "userName", "UserNameRequired");
        }

        if (userName.Length > MaxNameLength || !UserNamePattern().IsMatch(userName))
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "userName", "UserNameInvalid", MaxNameLength);
        }

        if (await ValidateDetailsAsync(request.DisplayName, request.OfficeId, request.Roles, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "password", "PasswordRequired");
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "userName", "UserNameTaken", userName);
        }

        var user = new StaffUser { UserName = userName, DisplayName = request.DisplayName!.Trim(), OfficeId = request.OfficeId, LockoutEnabled = true };
        if (await PasswordProblemAsync(user, request.Password) is { } weak)
        {
            return weak;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return FromIdentity(created);
        }

        var roles = Normalise(request.Roles);
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            return FromIdentity(added);
        }

        await AuditAsync(request.Actor, "admin.staff.created", user.UserName!, new Dictionary<string, string?>
        {
            ["displayName"] = user.DisplayName,
            ["office"] = user.OfficeId?.ToString(CultureInfo.InvariantCulture),
            ["roles"] = string.Join(",", roles),
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StaffAccountResult.Done(user.Id);
    }

    public async Task<StaffAccountResult> EditAsync(EditStaffAccount request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ValidateDetailsAsync(request.DisplayName, request.OfficeId, request.Roles, cancellationToken) is { } problem)
        {
            return problem;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var user = await users.FindByIdAsync(request.Id);
        if (user is null)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "account", "AccountNotFound");
        }

        var oldRoles = Normalise(await users.GetRolesAsync(user));
        var newRoles = Normalise(request.Roles);
        var losesAdministrator = oldRoles.Contains(StaffRoles.Administrator) && !newRoles.Contains(StaffRoles.Administrator);
        if (losesAdministrator && string.Equals(user.UserName, request.Actor, StringComparison.Ordinal))
        {
            return StaffAccountResult.Refused(StaffAccountRules.NotSelf, "roles", "OwnAdministratorRole");
        }

        if (losesAdministrator && !IsDisabled(user.LockoutEnd) && await OtherEnabledAdministratorsAsync(user.Id, cancellationToken) == 0)
        {
            return StaffAccountResult.Refused(StaffAccountRules.LastAdministrator, "roles", "LastAdministrator");
        }

        var old = new Dictionary<string, string?>
        {
            ["oldDisplayName"] = user.DisplayName,
            ["oldOffice"] = user.OfficeId?.ToString(CultureInfo.InvariantCulture),
            ["oldRoles"] = string.Join(",", oldRoles),
        };
        user.DisplayName = request.DisplayName!.Trim();
        user.OfficeId = request.OfficeId;
        Check(await users.UpdateAsync(user));
        var removed = oldRoles.Except(newRoles).ToList();
        var added = newRoles.Except(oldRoles).ToList();
        if (removed.Count > 0)
        {
            Check(await users.RemoveFromRolesAsync(user, removed));
        }

        if (added.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, added));
        }

        old["displayName"] = user.DisplayName;
        old["office"] = user.OfficeId?.ToString(CultureInfo.InvariantCulture);
        old["roles"] = string.Join(",", newRoles);
        await AuditAsync(request.Actor, "admin.staff.changed", user.UserName!, old, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StaffAccountResult.Done(user.Id);
    }

    /// <summary>Disables (nobody can sign in; open sessions end at their next request) or enables an account; enabling also ends a lockout.</summary>
    public async Task<StaffAccountResult> SetDisabledAsync(string id, bool disabled, string actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "account", "AccountNotFound");
        }

        if (disabled)
        {
            if (string.Equals(user.UserName, actor, StringComparison.Ordinal))
            {
                return StaffAccountResult.Refused(StaffAccountRules.NotSelf, "account", "DisableSelf");
            }

            if (await users.IsInRoleAsync(user, StaffRoles.Administrator) && !IsDisabled(user.LockoutEnd) && await OtherEnabledAdministratorsAsync(user.Id, cancellationToken) == 0)
            {
                return StaffAccountResult.Refused(StaffAccountRules.LastAdministrator, "account", "LastAdministrator");
            }

            user.LockoutEnabled = true;
            user.LockoutEnd = DisabledUntil;
        }
        else
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(actor, disabled ? "admin.staff.disabled" : "admin.staff.enabled", user.UserName!, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StaffAccountResult.Done(user.Id);
    }

    /// <summary>Sets a temporary password the administrator typed; the user must change it at the next sign-in.</summary>
    public async Task<StaffAccountResult> ResetPasswordAsync(string id, string? password, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(password))
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "password", "PasswordRequired");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "account", "AccountNotFound");
        }

        if (await PasswordProblemAsync(user, password) is { } weak)
        {
            return weak;
        }

        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }

        var set = await users.AddPasswordAsync(user, password);
        if (!set.Succeeded)
        {
            return FromIdentity(set);
        }

        var claims = await users.GetClaimsAsync(user);
        if (!claims.Any(c => c.Type == StaffClaims.PasswordChangeRequired))
        {
            Check(await users.AddClaimAsync(user, new Claim(StaffClaims.PasswordChangeRequired, "true")));
        }

        await AuditAsync(actor, "admin.staff.password-reset", user.UserName!, new Dictionary<string, string?> { ["mustChange"] = "true" }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StaffAccountResult.Done(user.Id);
    }

    /// <summary>Turns two-factor sign-in off and forgets the key and recovery codes; a role that needs it enrols again.</summary>
    public async Task<StaffAccountResult> ResetTwoFactorAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "account", "AccountNotFound");
        }

        await TwoFactorService.ResetAsync(users, user);
        await AuditAsync(actor, "staff.two-factor-reset", user.UserName!, new Dictionary<string, string?> { ["by"] = actor }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StaffAccountResult.Done(user.Id);
    }

    /// <summary>Identity's password policy, as messages naming the field and the rule.</summary>
    private async Task<StaffAccountResult?> PasswordProblemAsync(StaffUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded)
            {
                return FromIdentity(result);
            }
        }

        return null;
    }

    private StaffAccountResult FromIdentity(IdentityResult result) => FromIdentity(result, users.Options.Password);

    /// <summary>The first Identity error as a message naming the field and the rule (R-X-03).</summary>
    public static StaffAccountResult FromIdentity(IdentityResult result, PasswordOptions options, string passwordField = "password")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var error = result.Errors.First();
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => StaffAccountResult.Refused(StaffAccountRules.Input, passwordField, "PasswordTooShort", options.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => StaffAccountResult.Refused(StaffAccountRules.Input, passwordField, "PasswordUniqueChars", options.RequiredUniqueChars),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => StaffAccountResult.Refused(StaffAccountRules.Input, passwordField, "PasswordNonAlphanumeric"),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => StaffAccountResult.Refused(StaffAccountRules.Input, passwordField, "PasswordDigit"),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => StaffAccountResult.Refused(StaffAccountRules.Input, passwordField, "PasswordLower"),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => StaffAccountResult.Refused(StaffAccountRules.Input, passwordField, "PasswordUpper"),
            nameof(IdentityErrorDescriber.DuplicateUserName) => StaffAccountResult.Refused(StaffAccountRules.Input, "userName", "UserNameTaken", string.Empty),
            nameof(IdentityErrorDescriber.InvalidUserName) => StaffAccountResult.Refused(StaffAccountRules.Input, "userName", "UserNameInvalid", MaxNameLength),
            _ => StaffAccountResult.Refused(StaffAccountRules.Input, "account", "IdentityRefused", error.Code),
        };
    }

    private async Task<StaffAccountResult?> ValidateDetailsAsync(string? displayName, int? officeId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var name = displayName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "displayName", "DisplayNameRequired");
        }

        if (name.Length > MaxNameLength)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "displayName", "DisplayNameTooLong", MaxNameLength);
        }

        if (roles is null || roles.Count == 0)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "roles", "RolesRequired");
        }

        if (roles.FirstOrDefault(r => !StaffRoles.All.Contains(r)) is { } unknown)
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "roles", "RoleUnknown", unknown);
        }

        if (officeId is { } office)
        {
            if (!await db.Offices.AnyAsync(o => o.Id == office, cancellationToken))
            {
                return StaffAccountResult.Refused(StaffAccountRules.Input, "office", "OfficeUnknown");
            }
        }
        else if (roles.Contains(StaffRoles.Clerk) || roles.Contains(StaffRoles.Supervisor))
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "office", "OfficeRequired");
        }

        return null;
    }

    private async Task<int> OtherEnabledAdministratorsAsync(string exceptId, CancellationToken cancellationToken)
    {
        var administrators = await (from user in db.Users
                                    join userRole in db.UserRoles on user.Id equals userRole.UserId
                                    join role in db.Roles on userRole.RoleId equals role.Id
                                    where role.Name == StaffRoles.Administrator && user.Id != exceptId
                                    select user.LockoutEnd).ToListAsync(cancellationToken);
        return administrators.Count(end => !IsDisabled(end));
    }

    private static List<string> Normalise(IEnumerable<string> roles) => [.. StaffRoles.All.Where(roles.Contains)];

    private async Task AuditAsync(string actor, string action, string account, Dictionary<string, string?>? details, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string?>(details ?? []) { ["account"] = account };
        await audit.AppendAsync(new AuditEvent { Actor = actor, Action = action, Outcome = AuditOutcomes.Succeeded, Details = all }, cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex UserNamePattern();
}
