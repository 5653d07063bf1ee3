using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.StaffAccounts;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace CounterApp.Web.Features.SignIn;

/// <summary>
/// A member of staff changes their own password (required after an administrator set a temporary one). The
/// current password is checked with the lockout counted; passwords are never audited or shown (R-X-02).
/// </summary>
public sealed class PasswordChangeService(UserManager<StaffUser> users, TwoFactorService cookies, AuditTrail audit, CounterDbContext db)
{
    /// <summary>Null when changed, else the problem (field and rule named, R-X-03).</summary>
    public async Task<StaffAccountResult?> ChangeAsync(StaffUser user, string? current, string? next, string? confirm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(current))
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "currentPassword", "CurrentPasswordRequired");
        }

        if (string.IsNullOrEmpty(next))
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "newPassword", "PasswordRequired");
        }

        if (!string.Equals(next, confirm, StringComparison.Ordinal))
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "confirmPassword", "PasswordsDiffer");
        }

        if (string.Equals(next, current, StringComparison.Ordinal))
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "newPassword", "PasswordUnchanged");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return StaffAccountResult.Refused(StaffAccountRules.Input, "currentPassword", "AccountLockedOut");
        }

        if (!await users.CheckPasswordAsync(user, current))
        {
            await users.AccessFailedAsync(user);
            await audit.AppendAsync(new AuditEvent { Actor = user.UserName!, Action = "staff.password-changed", Outcome = AuditOutcomes.Refused, Details = new Dictionary<string, string?> { ["result"] = "WrongCurrent" } }, cancellationToken);
            return StaffAccountResult.Refused(StaffAccountRules.Input, "currentPassword", "CurrentPasswordWrong");
        }

        // The new password, the end of "must change" and the audit entry are one change (never a changed password
        // with the account still sent back to the change page).
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await audit.LockChainAsync(cancellationToken);
            var changed = await users.ChangePasswordAsync(user, current, next);
            if (!changed.Succeeded)
            {
                return StaffAccountsHandler.FromIdentity(changed, users.Options.Password, "newPassword");
            }

            foreach (var claim in (await users.GetClaimsAsync(user)).Where(c => c.Type == StaffClaims.PasswordChangeRequired).ToList())
            {
                await users.RemoveClaimAsync(user, claim);
            }

            await users.ResetAccessFailedCountAsync(user);
            await audit.AppendAsync(new AuditEvent { Actor = user.UserName!, Action = "staff.password-changed", Outcome = AuditOutcomes.Succeeded }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await cookies.ReissueCookieAsync(user);
        return null;
    }
}
