using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Web.Features.CertificateAuthority;

namespace CounterApp.Web.Tests.Pki;

/// <summary>/ca/{id}.cer, /crl/{id}.crl and /ocsp over HTTP, in process: content types, caching headers, 404 for
/// another CA, and an OCSP error status (never a 500) for anything malformed or oversized.</summary>
[Collection(PkiAppGroup.Name)]
[Trait("Rule", "R-RV-03")]
public sealed class CaEndpointTests(PkiApp app)
{
    [Fact]
    public async Task GetCertificate_WhenToyama_ServesTheCaCertificateAsPkixCertWithValidators()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/ca/toyama.cer", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        using var certificate = X509CertificateLoader.LoadCertificate(body);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/ca/toyama.cer", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pkix-cert", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(app.Ca.Authority.Certificate.RawData, body);
        Assert.Contains("CN=富山県知事", certificate.Subject);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl?.MaxAge);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Theory]
    [InlineData("/ca/osaka.cer")]
    [InlineData("/crl/osaka.crl")]
    [InlineData("/ca/TOYAMA.cer")]
    public async Task Get_WhenTheCaIdIsNotServedHere_Is404(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetCrl_WhenToyama_ServesASignedPkixCrlCachedNoLongerThanItsNextUpdateAndTheConfiguredMaximum()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/crl/toyama.crl", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        var crl = app.Ca.Crl.Current();
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/crl/toyama.crl", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pkix-crl", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(crl.Der.ToArray(), body);
        Assert.Equal(TimeSpan.FromHours(24), crl.NextUpdate - crl.ThisUpdate);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.True(cacheControl.MustRevalidate);
        Assert.Equal(TimeSpan.FromMinutes(5), cacheControl.MaxAge);
        Assert.Equal(crl.ThisUpdate, response.Content.Headers.LastModified);
        Assert.Equal($"\"toyama-{crl.Number}\"", response.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task PostOcsp_WhenWellFormed_AnswersSuccessfulOcspResponseAndNoCaching()
    {
        using var client = app.CreateClient();
        var request = Ocsp.Request(app.Ca.Authority.Certificate, RandomNumberGenerator.GetBytes(16), nonce: RandomNumberGenerator.GetBytes(16));

        using var response = await PostAsync(client, request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ocsp-response", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Ocsp.Successful, Ocsp.Status(body));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/ocsp/")]
    [InlineData("/ocsp/{0}")]
    [InlineData("/ocsp/{1}")]
    public async Task GetOcsp_WhenTheRequestIsInThePath_AnswersAndCachesUntilNextUpdate(string template)
    {
        using var client = app.CreateClient();
        var request = Ocsp.Request(app.Ca.Authority.Certificate, RandomNumberGenerator.GetBytes(16));
        var base64 = Convert.ToBase64String(request);
        var path = template == "/ocsp/" ? "/ocsp/" + base64 : string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(base64), base64.Replace('+', '-').Replace('/', '_'));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ocsp-response", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Ocsp.Successful, Ocsp.Status(body));
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(response.Content.Headers.LastModified + TimeSpan.FromHours(1), response.Content.Headers.Expires);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("oversized")]
    [InlineData("oversized-chunked")]
    public async Task PostOcsp_WhenMalformedOrOversized_AnswersMalformedRequestNot500(string kind)
    {
        using var client = app.CreateClient();
        var valid = Ocsp.Request(app.Ca.Authority.Certificate, RandomNumberGenerator.GetBytes(16));
        var body = kind switch
        {
            "empty" => [],
            "garbage" => "not an OCSP request"u8.ToArray(),
            "truncated" => valid[..^7],
            _ => new byte[9000],
        };

        using var response = await PostAsync(client, body, chunked: kind == "oversized-chunked");
        var answer = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ocsp-response", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Ocsp.MalformedRequest, Ocsp.Status(answer));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/ocsp")]
    [InlineData("/ocsp/")]
    [InlineData("/ocsp/not%20base64!")]
    [InlineData("/ocsp/AAAA")]
    public async Task GetOcsp_WhenThePathIsNotARequest_AnswersMalformedRequestNot500(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Ocsp.MalformedRequest, Ocsp.Status(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task PostOcsp_WhenRandomAndTruncatedDer_NeverAnswers500()
    {
        using var client = app.CreateClient();
        var random = new Random(4);
        var valid = Ocsp.Request(app.Ca.Authority.Certificate, RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(16));
        var statuses = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            var body = i % 2 == 0 ? valid[..random.Next(valid.Length)] : Mutate(valid, random);
            using var response = await PostAsync(client, body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            statuses.Add(Ocsp.Status(await response.Content.ReadAsByteArrayAsync()));
        }

        Assert.All(statuses, s => Assert.Contains(s, new[] { Ocsp.Successful, Ocsp.MalformedRequest, Ocsp.Unauthorized }));
    }

    [Fact]
    public async Task PostOcsp_WhenAnotherCasCertificate_IsUnauthorized()
    {
        using var client = app.CreateClient();
        using var key = RSA.Create(2048);
        using var other = new CertificateRequest("CN=宮城県知事", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        using var response = await PostAsync(client, Ocsp.Request(other, RandomNumberGenerator.GetBytes(16)));

        Assert.Equal(Ocsp.Unauthorized, Ocsp.Status(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Startup_WhenEmbeddedDefault_GeneratesThePassphraseFileAndKeysOwnerOnlyAndNeverLogsThePassphrase()
    {
        var passphraseFile = Path.Combine(app.DataDirectory, "pki-key-passphrase");
        _ = app.Ca.Authority;

        var passphrase = File.ReadAllText(passphraseFile).Trim();
        var keys = Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "toyama-*.key.pem");

        Assert.True(passphrase.Length >= 40);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passphraseFile));
        Assert.Equal(2, keys.Length);
        Assert.All(keys, k => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(k)));
        Assert.All(keys, k => Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", File.ReadAllText(k)));
        Assert.Contains(app.Logs, l => l.Contains("CA toyama (富山県知事) open; SHA-256 fingerprint"));
        Assert.DoesNotContain(app.Logs, l => l.Contains(passphrase));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, bool chunked = false)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(CaEndpoints.OcspRequestContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/ocsp", UriKind.Relative)) { Content = content };
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        return await client.SendAsync(request);
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var copy = valid.ToArray();
        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }
}
