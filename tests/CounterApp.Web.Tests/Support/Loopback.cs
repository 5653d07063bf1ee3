using System.Net;
using System.Text.RegularExpressions;

namespace CounterApp.Web.Tests.Support;

/// <summary>
/// The real app on Kestrel (a loopback port the OS picks) and plain HTTP clients to it: what a browser or an attacker
/// sees over the wire (response headers checked by Kestrel, real timings, cookies that can be saved and replayed).
/// </summary>
internal static partial class Loopback
{
    /// <summary>Starts <paramref name="app"/> on Kestrel and returns its address.</summary>
    public static Uri Start(CounterAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseKestrel(0);
        app.StartServer();
        return app.ClientOptions.BaseAddress;
    }

    /// <summary>A client that keeps its cookies in <paramref name="cookies"/> and asks for pages like a browser.</summary>
    public static HttpClient Client(Uri site, CookieContainer cookies, bool followRedirects = true)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = followRedirects }) { BaseAddress = site };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    /// <summary>A GET sending exactly <paramref name="cookieHeader"/> (a cookie saved earlier), redirects not followed.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(Uri site, string cookieHeader, string path)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = site };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }

    /// <summary>The path a redirect sends the browser to (Location may be absolute or relative).</summary>
    public static string RedirectPath(Uri site, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}.");
        return new Uri(site, location).AbsolutePath;
    }

    /// <summary>The antiforgery token of a page this client may open.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token.");
        return token.Groups[1].Value;
    }

    /// <summary>Signs out the way the header's button does.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(client, "/") });
        return await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
