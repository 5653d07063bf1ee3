using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>The app on Kestrel, shared by <see cref="RedirectInputTests"/>.</summary>
public sealed class LoopbackAppFixture : IAsyncLifetime
{
    public CounterAppFactory App { get; } = new();

    public Uri Site { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Site = Loopback.Start(App);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Every redirect built from input, over HTTP on Kestrel: a hostile target (backslash, control character, U+3000,
/// tab, another host) sends the browser to the home page of the site, never elsewhere and never to an error (R-X-03).
/// </summary>
public sealed class RedirectInputTests(LoopbackAppFixture fixture) : IClassFixture<LoopbackAppFixture>
{
    public static TheoryData<string> Hostile => new(
        "/\\evil.example",
        "/\\/evil.example",
        "/\u0001",
        "/\u001b[31m",
        "/\u3000/evil.example",
        "/\u3000",
        "/\t/evil.example/",
        "/\r\nSet-Cookie: a=b",
        "//evil.example/",
        "https://evil.example/",
        "/ｒｕｌｅｓ");

    [Theory]
    [MemberData(nameof(Hostile))]
    [Trait("Rule", "R-X-03")]
    public async Task Culture_WhenTheRedirectIsHostile_GoesHomeWithoutAnError(string redirect)
    {
        using var client = Loopback.Client(fixture.Site, new CookieContainer(), followRedirects: false);

        var response = await client.GetAsync(new Uri("/culture/en?redirect=" + Uri.EscapeDataString(redirect), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    [Trait("Rule", "R-X-03")]
    public async Task SimulatedReader_WhenTheReturnUrlIsHostile_GoesHomeWithTheOutcome(string returnUrl)
    {
        var cookies = new CookieContainer();
        using (var signingIn = Loopback.Client(fixture.Site, cookies))
        {
            await StaffSignIn.SignInAsync(signingIn, fixture.App.Services, StaffRoles.Clerk);
        }

        using var client = Loopback.Client(fixture.Site, cookies, followRedirects: false);
        var counterId = await CounterIdAsync();

        var inserted = await PostAsync(client, ReaderEndpoints.InsertPath(counterId), new() { ["cardId"] = "not-a-card", ["returnUrl"] = returnUrl });
        var removed = await PostAsync(client, ReaderEndpoints.RemovePath(counterId), new() { ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, inserted.StatusCode);
        Assert.Equal("/?simulatedReader=UnknownCard", inserted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.StartsWith("/?simulatedReader=", removed.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    [Trait("Rule", "R-X-03")]
    public async Task SignIn_WhenTheReturnUrlIsHostile_ContinuesToTheHomePage(string returnUrl)
    {
        await StaffSignIn.PreparePasswordAsync(fixture.App.Services, StaffRoles.Administrator);
        var cookies = new CookieContainer();
        using var client = Loopback.Client(fixture.Site, cookies, followRedirects: false);
        var path = "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var token = await Loopback.TokenAsync(client, path);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Form.UserName"] = StaffSignIn.UserNameOf(StaffRoles.Administrator),
            ["Form.Password"] = StaffSignIn.Password,
        });

        var signedIn = await client.PostAsync(new Uri(path, UriKind.Relative), form);
        var counter = await client.GetStringAsync(new Uri("/counter?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/counter?returnUrl=%2F", new Uri(fixture.Site, signedIn.Headers.Location!).PathAndQuery);
        // The administrator's 「続ける」 link on the counter page.
        Assert.Contains("id=\"no-counter-needed\"", counter, StringComparison.Ordinal);
        Assert.Matches("id=\"no-counter-needed\">[^<]*<a href=\"/\">", counter);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    [Trait("Rule", "R-X-03")]
    public async Task SignOut_WhenTheReturnUrlIsHostile_GoesToTheSignInPage(string returnUrl)
    {
        using var client = Loopback.Client(fixture.Site, new CookieContainer(), followRedirects: false);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Loopback.TokenAsync(client, "/account/login") });

        var response = await client.PostAsync(new Uri("/account/logout?ReturnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", Loopback.RedirectPath(fixture.Site, response));
    }

    private async Task<int> CounterIdAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Counters.Where(c => c.Number == 2).Select(c => c.Id).SingleAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Loopback.TokenAsync(client, "/counter");
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
