using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Benchmarks.Support;

namespace CounterApp.Benchmarks.Ocsp;

/// <summary>
/// The two GET URLs, from requests OpenSSL writes about the CA's own certificate (a certificate of this CA that every
/// fresh database has; the status lookup is the same indexed row as a resident's).
/// </summary>
internal sealed class OcspRequests
{
    private readonly TempFolder _folder;

    private OcspRequests(TempFolder folder, Uri cached, Uri signed)
    {
        _folder = folder;
        Cached = cached;
        Signed = signed;
    }

    /// <summary>One certificate, no nonce: answered from the cache after the first.</summary>
    public Uri Cached { get; }

    /// <summary>The same with a nonce: signed for every request.</summary>
    public Uri Signed { get; }

    public static OcspRequests Write(HttpClient http, TempFolder folder)
    {
        var der = http.GetByteArrayAsync(new Uri("ca/toyama.cer", UriKind.Relative)).GetAwaiter().GetResult();
        using (var ca = X509CertificateLoader.LoadCertificate(der))
        {
            File.WriteAllText(folder.File("ca.pem"), ca.ExportCertificatePem() + "\n");
        }

        Tool.RunOk("openssl", ["ocsp", "-issuer", "ca.pem", "-cert", "ca.pem", "-no_nonce", "-reqout", "cached.req"], TimeSpan.FromMinutes(1), folder.Path);
        Tool.RunOk("openssl", ["ocsp", "-issuer", "ca.pem", "-cert", "ca.pem", "-nonce", "-reqout", "signed.req"], TimeSpan.FromMinutes(1), folder.Path);
        return new OcspRequests(folder, UrlFor(http.BaseAddress!, folder.File("cached.req")), UrlFor(http.BaseAddress!, folder.File("signed.req")));
    }

    /// <summary>
    /// OpenSSL verifies both answers (responder signature, delegation, nonce, status good), and the headers show which
    /// path answered: a cached answer keeps its Last-Modified (thisUpdate) a second later, a signed one moves on.
    /// </summary>
    public void Check(HttpClient http)
    {
        var cachedFirst = Fetch(http, Cached, "cached.resp");
        var signedFirst = Fetch(http, Signed, "signed.resp");
        Verify("cached");
        Verify("signed");
        Thread.Sleep(TimeSpan.FromSeconds(1.2));
        var cachedLater = Fetch(http, Cached, "cached.resp");
        var signedLater = Fetch(http, Signed, "signed.resp");
        if (cachedLater != cachedFirst || signedLater == signedFirst)
        {
            throw new InvalidOperationException(
                $"Expected the nonce-less answer to come from the cache and the nonce answer to be signed anew: Last-Modified {cachedFirst} → {cachedLater} (no nonce), {signedFirst} → {signedLater} (nonce).");
        }

        Out.Line($"openssl ocsp verifies both answers (good, responder signature, nonce); no nonce: Last-Modified stays {cachedLater:HH:mm:ss} (cached), nonce: {signedFirst:HH:mm:ss} → {signedLater:HH:mm:ss} (signed)");
    }

    private static Uri UrlFor(Uri baseUri, string requestFile) =>
        new(baseUri, "ocsp/" + Uri.EscapeDataString(Convert.ToBase64String(File.ReadAllBytes(requestFile))));

    private DateTimeOffset? Fetch(HttpClient http, Uri url, string file)
    {
        using var response = http.GetAsync(url).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentType is not MediaTypeHeaderValue { MediaType: "application/ocsp-response" })
        {
            throw new InvalidOperationException($"GET {url} answered {response.Content.Headers.ContentType}, not application/ocsp-response.");
        }

        File.WriteAllBytes(_folder.File(file), response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
        return response.Content.Headers.LastModified;
    }

    private void Verify(string name)
    {
        var result = Tool.RunOk(
            "openssl",
            ["ocsp", "-reqin", name + ".req", "-respin", name + ".resp", "-CAfile", "ca.pem", "-resp_text"],
            TimeSpan.FromMinutes(1),
            _folder.Path);
        if (!result.All.Contains("Response verify OK", StringComparison.Ordinal) || !result.All.Contains("Cert Status: good", StringComparison.Ordinal)
            || result.All.Contains("WARNING", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"openssl ocsp did not accept the {name} answer:\n{result.All.Trim()}");
        }
    }
}
