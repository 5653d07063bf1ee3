using System.Net;
using System.Net.Http.Headers;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>
/// Every kind of response carries the same security headers (pages with and without a form, static files, APIs,
/// the CA, OCSP and CRL, the error page and 404s, PDFs), and what may show residents' data is never stored by a cache.
/// </summary>
public sealed class SecurityHeadersTests(CounterAppFactory factory) : IClassFixture<CounterAppFactory>
{
    [Fact]
    public async Task Responses_WhenAnonymous_CarryThePolicyNosniffNoReferrerAndDeny()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var ocspRequest = new ByteArrayContent([0x30, 0x00]);
        ocspRequest.Headers.ContentType = new MediaTypeHeaderValue("application/ocsp-request");

        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("sign-in page", await client.GetAsync(new Uri("/account/login", UriKind.Relative))),
            ("static file", await client.GetAsync(new Uri("/app.css", UriKind.Relative))),
            ("health API", await client.GetAsync(new Uri("/health", UriKind.Relative))),
            ("CA certificate", await client.GetAsync(new Uri("/ca/toyama.cer", UriKind.Relative))),
            ("CRL", await client.GetAsync(new Uri("/crl/toyama.crl", UriKind.Relative))),
            ("OCSP", await client.PostAsync(new Uri("/ocsp", UriKind.Relative), ocspRequest)),
            ("error page", await client.GetAsync(new Uri("/Error", UriKind.Relative))),
            ("redirect to sign in", await Html(client, "/residents/1")),
            ("register API without key", await client.GetAsync(new Uri("/api/register/events", UriKind.Relative))),
        };

        foreach (var (what, response) in responses)
        {
            AssertSecurityHeaders(what, response);
            response.Dispose();
        }
    }

    [Fact]
    public async Task Responses_WhenSignedIn_AreNoStoreIncludingPdfsAndNotFoundButStaticFilesStayCacheable()
    {
        using var clerk = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        using var supervisor = await StaffSignIn.SignInAsync(factory, StaffRoles.Supervisor);
        var day = CounterAppFactory.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var resident = await clerk.GetAsync(new Uri("/residents/1", UriKind.Relative));
        using var search = await clerk.GetAsync(new Uri("/residents?q=%E3%81%8B%E3%81%BF%E3%81%84%E3%81%A1", UriKind.Relative));
        using var notFound = await clerk.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        using var ledger = await supervisor.GetAsync(new Uri($"/supervisor/day/{day}/ledger.pdf", UriKind.Relative));
        using var css = await clerk.GetAsync(new Uri("/app.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, resident.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
        Assert.Equal("application/pdf", ledger.Content.Headers.ContentType?.MediaType);
        foreach (var (what, response) in new[] { ("resident page", resident), ("search results", search), ("404 page", notFound), ("ledger PDF", ledger) })
        {
            AssertSecurityHeaders(what, response);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is '{response.Headers.CacheControl}', not no-store.");
        }

        AssertSecurityHeaders("static file", css);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore == true, "The style sheet holds no residents' data and may be cached.");
    }

    private static async Task<HttpResponseMessage> Html(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        return await client.SendAsync(request);
    }

    private static void AssertSecurityHeaders(string what, HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policy), $"{what} ({(int)response.StatusCode}): no Content-Security-Policy.");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(policy));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), $"{what}: no X-Content-Type-Options.");
        Assert.Equal("nosniff", Assert.Single(nosniff));
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame), $"{what}: no X-Frame-Options.");
        Assert.Equal("DENY", Assert.Single(frame));
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer), $"{what}: no Referrer-Policy.");
        Assert.Equal("no-referrer", Assert.Single(referrer));
    }
}
