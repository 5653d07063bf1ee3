using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CounterApp.Web.Features.SignIn;

/// <summary>Marks a page a member of staff may open while the account still needs setting up (password change, 2FA enrolment).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedDuringAccountSetupAttribute : Attribute;

/// <summary>
/// After authorization: a signed-in member of staff who must first change the password an administrator set, or
/// must enrol an authenticator app (Security:TwoFactorRoles), is sent to that page from every other page (API
/// and file requests get 403). Anonymous pages (sign-in, sign-out, refusal, language) are not affected.
/// </summary>
public sealed class AccountGate : IAuthorizationMiddlewareResultHandler
{
    public const string PasswordPath = "/account/password";

    public const string EnrolmentPath = "/account/two-factor";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (authorizeResult is { Succeeded: true } && context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint()?.Metadata.GetMetadata<AllowedDuringAccountSetupAttribute>() is null)
        {
            var target = context.User.HasClaim(c => c.Type == StaffClaims.PasswordChangeRequired) ? PasswordPath
                : context.User.HasClaim(c => c.Type == StaffClaims.TwoFactorEnrolmentRequired) ? EnrolmentPath
                : null;
            if (target is not null)
            {
                if (WantsPage(context.Request))
                {
                    context.Response.Redirect(target);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }

                return Task.CompletedTask;
            }
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !Path.HasExtension(request.Path.Value)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
