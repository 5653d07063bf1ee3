using System.Security.Claims;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CounterApp.Web.Hosting;

public static class IdentityExtensions
{
    /// <summary>
    /// Staff accounts (ASP.NET Core Identity on the counter database) with roles Clerk, Supervisor, Administrator;
    /// cookie sign-in with lockout after failed attempts and an idle timeout; every endpoint needs a signed-in user
    /// unless it says otherwise (the CA, OCSP, agents, the register API and health authenticate their own way).
    /// </summary>
    public static IHostApplicationBuilder AddCounterIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services
            .AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 6;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CounterDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            // Two-factor sign-in with an authenticator app (TOTP, RFC 6238); see Security:TwoFactorRoles.
            .AddTokenProvider<AuthenticatorTokenProvider<StaffUser>>(TokenOptions.DefaultAuthenticatorProvider);

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "counterapp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            // Idle timeout: the cookie lives this long after the last request (sliding), and is never persistent.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            // Signing in on the sign-in page (or out on the sign-out path) makes the cookie handler itself redirect to
            // the ReturnUrl of the query: through the one local-URL check too (a hostile one would leave the site or,
            // with U+3000, fail in the Location header). The page's own navigation then takes over.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrl.OrHome(context.RedirectUri));
                return Task.CompletedTask;
            };
            // Every request: a cookie from before a sign-out, a disabling or a password change is refused at once.
            o.Events.OnValidatePrincipal = SessionCheck.Before(o.Events.OnValidatePrincipal);
        });
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(Math.Max(1, security.SessionRecheckMinutes));
            o.OnRefreshingPrincipal = context =>
            {
                // The counter a clerk chose is not a user property: carry it over when Identity refreshes the cookie.
                if (context.CurrentPrincipal?.FindFirst(StaffClaims.Counter) is { } counter && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(StaffClaims.Counter, counter.Value));
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<StaffContext>();
        return builder;
    }

    /// <summary>Pages get a redirect to sign in (or the refusal page); API and file requests get a plain 401/403.</summary>
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        var wantsPage = !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !Path.HasExtension(path.Value)
            && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (wantsPage)
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
