using System.Security.Claims;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace CounterApp.Web.Features.SignIn;

/// <summary>How a sign-in attempt ended, as audited (the page says the same for every failure, never whether the name exists).</summary>
public enum SignInOutcome
{
    SignedIn,

    /// <summary>The password was right; the authenticator code (or a recovery code) is asked next.</summary>
    TwoFactorRequired,
    Failed,
    LockedOut,
    NotAllowed,
}

/// <summary>
/// Signs staff in and out with Identity (lockout counted on every failure) and audits each attempt (R-X-01).
/// The password is never logged or audited (R-X-02). An unknown name, a wrong password and a locked or disabled
/// account cost the same (one password hash check each) and the page says the same for all three, so neither the
/// time nor the text tells which names exist; the audit entry keeps the real outcome.
/// Signing out gives the account a new security stamp: that session, and any copy of its cookie, ends at once
/// (<see cref="Hosting.SessionCheck"/>).
/// </summary>
public sealed class SignInService(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditTrail audit, CounterDbContext db)
{
    /// <summary>A hash of a random password made by this app's hasher (same algorithm and work), checked when Identity would not hash.</summary>
    private static string? _dummyHash;

    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(password);
        var name = userName.Trim();
        var user = await users.FindByNameAsync(name);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null)
        {
            SpendOneHashCheck(password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            // Identity answers a locked-out (or disabled) account before it hashes anything: spend that time here.
            var identityHashes = await signIn.CanSignInAsync(user) && !await users.IsLockedOutAsync(user);
            result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            if (!identityHashes)
            {
                SpendOneHashCheck(password);
            }
        }

        var outcome = result switch
        {
            { Succeeded: true } => SignInOutcome.SignedIn,
            { RequiresTwoFactor: true } => SignInOutcome.TwoFactorRequired,
            { IsLockedOut: true } => SignInOutcome.LockedOut,
            { IsNotAllowed: true } => SignInOutcome.NotAllowed,
            _ => SignInOutcome.Failed,
        };
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = user?.UserName ?? "anonymous",
                Action = "staff.signed-in",
                Outcome = outcome is SignInOutcome.SignedIn or SignInOutcome.TwoFactorRequired ? AuditOutcomes.Succeeded : AuditOutcomes.Refused,
                // The name typed is kept only when it is a real account (a mistyped password is not a user name).
                Details = new Dictionary<string, string?> { ["result"] = outcome.ToString() },
            },
            cancellationToken);
        return outcome;
    }

    /// <summary>Signs out, and for a signed-in member of staff ends every session of the account (new security stamp), audited.</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var user = principal.Identity?.IsAuthenticated == true ? await users.GetUserAsync(principal) : null;
        if (user is not null)
        {
            // The new stamp and the audit entry are one change: never a signed-out session without its entry, or the reverse.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await audit.LockChainAsync(cancellationToken);
            var stamped = await users.UpdateSecurityStampAsync(user);
            if (!stamped.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", stamped.Errors.Select(e => e.Code)));
            }

            await audit.AppendAsync(new AuditEvent { Actor = user.UserName!, Action = "staff.signed-out", Outcome = AuditOutcomes.Succeeded, Details = new Dictionary<string, string?> { ["sessions"] = "ended" } }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await signIn.SignOutAsync();
    }

    /// <summary>One password hash check whose answer is thrown away: the work a real account's wrong password costs.</summary>
    private void SpendOneHashCheck(string password)
    {
        var dummy = new StaffUser { DisplayName = string.Empty };
        var hash = Volatile.Read(ref _dummyHash);
        if (hash is null)
        {
            hash = users.PasswordHasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            Volatile.Write(ref _dummyHash, hash);
        }

        _ = users.PasswordHasher.VerifyHashedPassword(dummy, hash, password);
    }
}
