using System.Globalization;
using CounterApp.Pki.Ocsp;
using CounterApp.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CounterApp.Web.Features.CertificateAuthority;

/// <summary>
/// What relying parties fetch, over plain HTTP as RFC 5280 expects (the objects are signed):
/// GET /ca/{id}.cer (application/pkix-cert), GET /crl/{id}.crl (application/pkix-crl), and the OCSP responder,
/// POST /ocsp and GET /ocsp/{base64} (RFC 6960 Appendix A, application/ocsp-response). Every OCSP outcome is an
/// OCSP status in a 200 answer (malformedRequest for bad or oversized input), never a 500.
/// </summary>
public static class CaEndpoints
{
    public const string CertificateContentType = "application/pkix-cert";

    public const string CrlContentType = "application/pkix-crl";

    public const string OcspRequestContentType = "application/ocsp-request";

    public const string OcspResponseContentType = "application/ocsp-response";

    /// <summary>The CA certificate changes only when the CA is replaced; a day in caches is plenty.</summary>
    private static readonly TimeSpan CertificateMaxAge = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapPki(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Plain HTTP stays open for these even when staff pages are redirected to HTTPS (Transport:RedirectToHttpsPort).
        var plain = TransportSecurity.PlainHttpAllowed;
        app.MapGet("/ca/{id}.cer", Certificate).AllowAnonymous().WithMetadata(plain);
        app.MapGet("/crl/{id}.crl", Crl).AllowAnonymous().WithMetadata(plain);
        app.MapGet("/ocsp/{**request}", OcspGet).AllowAnonymous().WithMetadata(plain);
        app.MapPost("/ocsp", OcspPostAsync).DisableAntiforgery().AllowAnonymous().WithMetadata(plain);
        return app;
    }

    private static IResult Certificate(string id, PrefecturalCa ca, HttpContext http)
    {
        if (!ca.Serves(id))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = $"public, max-age={(int)CertificateMaxAge.TotalSeconds}";
        return Results.Bytes(ca.CertificateDer, CertificateContentType, lastModified: ca.Authority.Certificate.NotBefore.ToUniversalTime(), entityTag: new EntityTagHeaderValue(ca.CertificateETag));
    }

    private static IResult Crl(string id, PrefecturalCa ca, IOptions<PkiOptions> options, RealClock time, HttpContext http)
    {
        if (!ca.Serves(id))
        {
            return Results.NotFound();
        }

        Pki.Crl.CrlDocument crl;
        try
        {
            crl = ca.Crl.Current();
        }
        catch (InvalidOperationException)
        {
            http.Response.Headers.RetryAfter = "60";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        // Never cached past nextUpdate; and no longer than CrlHttpMaxAge, so a re-signed list reaches clients soon.
        var now = time.GetUtcNow();
        var maxAge = Min(crl.NextUpdate - now, options.Value.CrlHttpMaxAge);
        SetCaching(http, now, maxAge);
        var tag = new EntityTagHeaderValue($"\"{ca.Id}-{crl.Number.ToString(CultureInfo.InvariantCulture)}\"");
        return Results.Bytes(crl.Der, CrlContentType, lastModified: crl.ThisUpdate, entityTag: tag);
    }

    private static IResult OcspGet(string? request, PrefecturalCa ca, RealClock time, HttpContext http)
    {
        if (!OcspGetRequest.TryDecode(request, ca.OcspOptions, out var der))
        {
            return OcspResult(http, Malformed(ca), time, cacheable: false);
        }

        return OcspResult(http, ca.Ocsp.Answer(der), time, cacheable: true);
    }

    private static async Task<IResult> OcspPostAsync(PrefecturalCa ca, RealClock time, HttpContext http)
    {
        var limit = ca.OcspOptions.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            return OcspResult(http, Malformed(ca), time, cacheable: false);
        }

        byte[]? body;
        try
        {
            body = await ReadAtMostAsync(http.Request.Body, limit, http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            body = null;
        }

        return OcspResult(http, body is null ? Malformed(ca) : ca.Ocsp.Answer(body), time, cacheable: false);
    }

    // The library's own malformedRequest: an empty request is one.
    private static OcspAnswer Malformed(PrefecturalCa ca) => ca.Ocsp.Answer([]);

    /// <summary>RFC 5019 §6.2 for GET: Last-Modified thisUpdate, Expires nextUpdate, max-age up to nextUpdate.</summary>
    private static IResult OcspResult(HttpContext http, OcspAnswer answer, RealClock time, bool cacheable)
    {
        if (cacheable && answer is { Status: OcspResponseStatus.Successful, ThisUpdate: { } thisUpdate, NextUpdate: { } nextUpdate })
        {
            var now = time.GetUtcNow();
            SetCaching(http, now, nextUpdate - now);
            return Results.Bytes(answer.Body, OcspResponseContentType, lastModified: thisUpdate);
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(answer.Body, OcspResponseContentType);
    }

    private static void SetCaching(HttpContext http, DateTimeOffset now, TimeSpan maxAge)
    {
        var seconds = Math.Max(0, (long)maxAge.TotalSeconds);
        http.Response.Headers.CacheControl = $"public, max-age={seconds.ToString(CultureInfo.InvariantCulture)}, no-transform, must-revalidate";
        http.Response.GetTypedHeaders().Expires = now.AddSeconds(seconds);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (nothing more is read).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > limit ? null : buffer[..read];
    }
}
