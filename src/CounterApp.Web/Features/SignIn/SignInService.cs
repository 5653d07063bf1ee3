using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace CounterApp.Web.Features.SignIn;

/// <summary>How a sign-in attempt ended (the UI text key says why, never whether the name exists).</summary>
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
/// The password is never logged or audited (R-X-02); unknown names and wrong passwords look the same.
/// </summary>
public sealed class SignInService(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditTrail audit)
{
    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(password);
        var name = userName.Trim();
        var user = await users.FindByNameAsync(name);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
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

    public async Task SignOutAsync(string? userName, CancellationToken cancellationToken = default)
    {
        await signIn.SignOutAsync();
        if (userName is not null)
        {
            await audit.AppendAsync(new AuditEvent { Actor = userName, Action = "staff.signed-out", Outcome = AuditOutcomes.Succeeded }, cancellationToken);
        }
    }
}
