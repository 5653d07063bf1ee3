using Microsoft.Net.Http.Headers;

namespace CounterApp.Web.Hosting;

/// <summary>
/// The headers every response carries (pages, files, APIs, PDFs, error pages, 404s, the CA, OCSP and CRL): a
/// Content-Security-Policy that allows only the app's own scripts and styles, nosniff, no referrer and no framing;
/// and no-store on what may show residents' data (every response to a signed-in member of staff, every PDF).
/// </summary>
/// <remarks>
/// The headers are written just before the response starts, so they survive the exception handler (which clears the
/// headers of the failed response) and the status-code pages, and no endpoint can forget them.
/// </remarks>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from the app's own files: no inline script or style, no eval, no plugins, no framing,
    /// forms post only back to the app. connect-src 'self' covers the fetch polling of today and the WebSocket of an
    /// interactive Blazor Server circuit (same origin, ws/wss) later. Images may also be data: URLs: the authenticator
    /// enrolment shows its QR code as an inline PNG (an image cannot run anything).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Endpoint metadata: a response anyone may cache (the fingerprinted static files), even for a signed-in user.</summary>
    public static readonly object SharedCacheAllowed = new SharedCacheAllowedMetadata();

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(static state => Apply((HttpContext)state), context);
            return next(context);
        });
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (MayShowResidentsData(context))
        {
            headers.CacheControl = "no-store";
            headers.Remove(HeaderNames.Pragma);
            headers.Remove(HeaderNames.Expires);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every PDF (a ledger, a letter, a certificate copy), and everything a signed-in member of staff gets but the static files.</summary>
    private static bool MayShowResidentsData(HttpContext context)
    {
        if (context.Response.ContentType is { } type && type.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint()?.Metadata.GetMetadata<SharedCacheAllowedMetadata>() is null;
    }

    private sealed class SharedCacheAllowedMetadata;
}
