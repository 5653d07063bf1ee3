using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Data.Schema;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>
/// The production transport of deploy/README.md, on loopback: Kestrel serving HTTPS with a certificate from
/// configuration, and a reverse proxy's X-Forwarded-Proto believed only from a configured proxy. Over HTTPS every
/// cookie (antiforgery, sign-in, culture) is Secure and HSTS is sent; over plain HTTP neither.
/// </summary>
public sealed class TransportSecurityTests
{
    /// <summary>The name the browser would use; the connection goes to loopback (HSTS is never sent for localhost).</summary>
    private const string HostName = "counter.example.test";

    [Fact]
    public async Task Https_WhenKestrelServesTheConfiguredCertificate_CookiesAreSecureAndHstsIsSent()
    {
        var folder = Directory.CreateTempSubdirectory("counterapp-tls-");
        try
        {
            using var certificate = ThrowawayCertificate();
            var pfx = Path.Combine(folder.FullName, "tls.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-only-pfx"));
            await using var app = new CounterAppFactory();
            app.Settings["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0";
            app.Settings["Kestrel:Endpoints:Https:Certificate:Path"] = pfx;
            app.Settings["Kestrel:Endpoints:Https:Certificate:Password"] = "test-only-pfx";
            app.UseKestrel();
            app.StartServer();
            var address = new Uri(Assert.Single(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses));
            Assert.Equal(Uri.UriSchemeHttps, address.Scheme);

            using var client = new RecordingClient(new Uri($"https://{HostName}:{address.Port}/"), address.Port, certificate);
            var outcome = await client.SignInAndSwitchCultureAsync(app.Services);

            Assert.True(outcome.Hsts is not null, "No Strict-Transport-Security over HTTPS.");
            Assert.Contains("max-age=31536000", outcome.Hsts, StringComparison.Ordinal);
            AssertAllSecure(client.SetCookies, expectSecure: true);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ForwardedProto_WhenFromAConfiguredProxy_CountsAndFromAnyOtherProxyIsIgnored()
    {
        // Listed: the loopback proxy's X-Forwarded-Proto: https makes the request HTTPS.
        var trusted = await ThroughProxyAsync(proxies: "127.0.0.1", networks: null);
        // Not listed (only a documentation network is): the same header from loopback is ignored.
        var untrusted = await ThroughProxyAsync(proxies: null, networks: "192.0.2.0/24");

        Assert.True(trusted.Outcome.Hsts is not null, "No HSTS for X-Forwarded-Proto: https from the configured proxy.");
        AssertAllSecure(trusted.Cookies, expectSecure: true);
        Assert.Null(untrusted.Outcome.Hsts);
        AssertAllSecure(untrusted.Cookies, expectSecure: false);
    }

    [Fact]
    public async Task PlainHttp_WhenRedirectToHttpsIsConfigured_GoesToHttpsExceptTheCaPublications()
    {
        await using var app = new CounterAppFactory();
        app.Settings["Transport:RedirectToHttpsPort"] = "8443";
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await client.GetAsync(new Uri("/account/login?x=1", UriKind.Relative));
        using var caCertificate = await client.GetAsync(new Uri("/ca/toyama.cer", UriKind.Relative));
        using var crl = await client.GetAsync(new Uri("/crl/toyama.crl", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PermanentRedirect, signIn.StatusCode);
        Assert.Equal("https://localhost:8443/account/login?x=1", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, caCertificate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, crl.StatusCode);
    }

    [Theory]
    [InlineData("Transport:KnownProxies", "10.0.0.5,proxy.example")]
    [InlineData("Transport:KnownNetworks", "10.0.0.0/33")]
    [InlineData("Transport:RedirectToHttpsPort", "0")]
    public async Task Start_WhenATransportSettingIsMalformed_StopsNamingTheSetting(string key, string value)
    {
        var data = Path.Combine(Path.GetTempPath(), "counterapp-tests", Guid.NewGuid().ToString("N"));
        try
        {
            // The built app as an operator starts it: exit 1 and one line naming the setting, never a stack trace.
            var (exitCode, output, error) = await AppProcess.RunAsync("--urls=http://127.0.0.1:0", new Dictionary<string, string>
            {
                ["Database__DataDirectory"] = data,
                [key.Replace(":", "__", StringComparison.Ordinal)] = value,
            });

            Assert.Equal(1, exitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("CounterApp cannot start: ", line, StringComparison.Ordinal);
            Assert.Contains(key, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<(Outcome Outcome, List<string> Cookies)> ThroughProxyAsync(string? proxies, string? networks)
    {
        await using var app = new CounterAppFactory();
        if (proxies is not null)
        {
            app.Settings["Transport:KnownProxies"] = proxies;
        }

        if (networks is not null)
        {
            app.Settings["Transport:KnownNetworks"] = networks;
        }

        app.UseKestrel(0);
        app.StartServer();
        var port = app.ClientOptions.BaseAddress.Port;
        using var client = new RecordingClient(new Uri($"http://{HostName}:{port}/"), port, certificate: null);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var outcome = await client.SignInAndSwitchCultureAsync(app.Services);
        return (outcome, client.SetCookies);
    }

    private static void AssertAllSecure(List<string> setCookies, bool expectSecure)
    {
        foreach (var name in new[] { ".AspNetCore.Antiforgery.", "counterapp.auth=", ".AspNetCore.Culture=" })
        {
            Assert.Contains(setCookies, c => c.StartsWith(name, StringComparison.Ordinal));
        }

        foreach (var cookie in setCookies)
        {
            var secure = cookie.Split(';', StringSplitOptions.TrimEntries).Contains("secure", StringComparer.OrdinalIgnoreCase);
            Assert.True(secure == expectSecure, $"Set-Cookie: {cookie}");
        }
    }

    private static X509Certificate2 ThrowawayCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(HostName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    private sealed record Outcome(string? Hsts);

    /// <summary>
    /// A client for <see cref="HostName"/> that connects to loopback, trusts only the throwaway certificate, follows no
    /// redirect, and keeps every Set-Cookie it sees (sending the cookies back itself, Secure or not, as a browser
    /// behind the proxy's HTTPS would).
    /// </summary>
    private sealed class RecordingClient : IDisposable
    {
        private readonly Dictionary<string, string> _jar = new(StringComparer.Ordinal);

        public RecordingClient(Uri baseAddress, int port, X509Certificate2? certificate)
        {
            var handler = new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
                SslOptions = new SslClientAuthenticationOptions
                {
                    TargetHost = HostName,
                    RemoteCertificateValidationCallback = (_, presented, _, _) =>
                        certificate is not null && presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
                },
            };
            Http = new HttpClient(new Recorder(this) { InnerHandler = handler }) { BaseAddress = baseAddress };
            Http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        }

        public HttpClient Http { get; }

        public List<string> SetCookies { get; } = [];

        /// <summary>Signs the administrator in through the form, then chooses English: every cookie the app sets.</summary>
        public async Task<Outcome> SignInAndSwitchCultureAsync(IServiceProvider services)
        {
            await StaffSignIn.PreparePasswordAsync(services, StaffRoles.Administrator);
            using var page = await Http.GetAsync(new Uri("/account/login", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var hsts = page.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.Single() : null;
            var (signedIn, _) = await FormPoster.PostAsync(Http, "/account/login", "sign-in", new Dictionary<string, string>
            {
                ["Form.UserName"] = StaffSignIn.UserNameOf(StaffRoles.Administrator),
                ["Form.Password"] = StaffSignIn.Password,
            });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.True(_jar.ContainsKey("counterapp.auth"), "Signing in set no auth cookie.");
            using var culture = await Http.GetAsync(new Uri("/culture/en?redirect=/admin", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
            return new Outcome(hsts);
        }

        public void Dispose() => Http.Dispose();

        private sealed class Recorder(RecordingClient owner) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (owner._jar.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", owner._jar.Select(c => $"{c.Key}={c.Value}")));
                }

                var response = await base.SendAsync(request, cancellationToken);
                foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
                {
                    owner.SetCookies.Add(cookie);
                    var pair = cookie.Split(';', 2)[0];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    owner._jar[pair[..equals]] = pair[(equals + 1)..];
                }

                return response;
            }
        }
    }
}
