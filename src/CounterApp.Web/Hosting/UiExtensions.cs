using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CounterApp.Web.Hosting;

public static class UiExtensions
{
    /// <summary>Japanese first (ja-JP default), English second.</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [CultureInfo.GetCultureInfo("ja-JP"), CultureInfo.GetCultureInfo("en")];

    public static IHostApplicationBuilder AddCounterUi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents();
        builder.AddTransportSecurity();
        if (builder is WebApplicationBuilder web)
        {
            // Run from the build output (./build.sh run, tests) the compressed and fingerprinted assets live in obj/:
            // without this, a browser asking for gzip/br gets an empty 200 and no styles or scripts in every environment
            // but Development. A published app has no build manifest, and this does nothing there.
            web.WebHost.UseStaticWebAssets();
        }

        // Japanese text goes out as UTF-8 characters, not numeric entities (smaller pages, readable source).
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = [.. Cultures];
            o.SupportedUICultures = [.. Cultures];
            // The clerk's choice (cookie) wins; the browser's language is not asked: counters are Japanese unless switched.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UseCounterUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedProxyHeaders();
        // First, so that error pages, 404s and every endpoint's answer carry the headers.
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Never a stack trace to the user: unhandled errors render the Japanese error page.
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseTransportSecurity(app.Environment.IsDevelopment());

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // The fingerprinted files hold no residents' data: they keep their long cache lifetime for signed-in staff too.
        app.MapStaticAssets().AllowAnonymous().WithMetadata(SecurityHeaders.SharedCacheAllowed);
        app.MapCultureSwitch();
        return app;
    }

    /// <summary>GET /culture/{name}?redirect=/path: remembers the UI language in a cookie and returns to a local page.</summary>
    private static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{name}", (string name, string? redirect, HttpContext context) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (culture is null)
            {
                return Results.BadRequest();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            return Results.LocalRedirect(LocalUrl.OrHome(redirect));
        }).AllowAnonymous();
}
