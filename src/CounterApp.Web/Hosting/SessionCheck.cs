using System.Security.Claims;
using CounterApp.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Hosting;

/// <summary>
/// Ends a session server-side at once: every request's cookie must carry the account's current security stamp.
/// Sign-out, disabling the account, a password change or an administrator's reset (of the password or of 2FA) give
/// the account a new stamp, so every cookie issued before — also one saved and replayed later — is refused at its
/// next request, not at the next periodic recheck (Security:SessionRecheckMinutes, which still refreshes roles).
/// The check is one primary-key read of one column per signed-in request.
/// </summary>
internal static partial class SessionCheck
{
    private static readonly Func<CounterDbContext, string, Task<string?>> StampOf =
        EF.CompileAsyncQuery((CounterDbContext db, string id) => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefault());

    /// <summary>Wraps the cookie's principal validation: the stamp first, then <paramref name="next"/> (Identity's periodic refresh).</summary>
    public static Func<CookieValidatePrincipalContext, Task> Before(Func<CookieValidatePrincipalContext, Task> next) => async context =>
    {
        if (!await IsCurrentAsync(context))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        await next(context);
    };

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = principal?.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp))
        {
            return false;
        }

        var current = await StampOf(services.GetRequiredService<CounterDbContext>(), userId);
        if (string.Equals(current, stamp, StringComparison.Ordinal))
        {
            return true;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionCheck).FullName!);
        SessionEnded(logger, userId);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A session of staff account {UserId} was refused: it was signed out, disabled or its password changed since the cookie was issued")]
    private static partial void SessionEnded(ILogger logger, string userId);
}
