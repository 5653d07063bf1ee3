using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Tests.Features.Ledger;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Tests.Features.Readers;

/// <summary>The readers over HTTP in the real app (embedded default, so simulated): who may see and change what.</summary>
public sealed partial class ReaderApiTests : IAsyncLifetime
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };
    private readonly App _app = new();
    private int _counterId;

    public async ValueTask InitializeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        _counterId = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Counters.Where(c => c.Number == 2).Select(c => c.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task State_WhenAnonymous_Answers401()
    {
        using var client = _app.CreateClient(NoRedirects);

        var response = await client.GetAsync(new Uri(ReaderEndpoints.StatePath(_counterId), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Clerk)]
    [InlineData(StaffRoles.Supervisor)]
    [InlineData(StaffRoles.Administrator)]
    public async Task State_WhenSignedIn_ReturnsTheSimulatedReadersStateInJapanese(string role)
    {
        using var client = await StaffSignIn.SignInAsync(_app, role);

        var state = await client.GetFromJsonAsync<ReaderStateView>(ReaderEndpoints.StatePath(_counterId), TestContext.Current.CancellationToken);

        Assert.Equal(new ReaderStateView(true, true, false, true, "シミュレーション リーダー", "カードが挿入されていません（シミュレーション）"), state);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Insert_WhenAClerkPostsTheForm_PutsTheCardInAuditsTheClerkAndRedirectsBackWithTheOutcome()
    {
        using var client = await SignInWithoutRedirectsAsync(StaffRoles.Clerk);
        var card = await CardIdAsync("K0001");

        var response = await PostAsync(client, ReaderEndpoints.InsertPath(_counterId), new() { ["cardId"] = card, ["returnUrl"] = "/rules?x=1" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/rules?x=1&simulatedReader=Inserted", response.Headers.Location?.OriginalString);
        var state = await client.GetFromJsonAsync<ReaderStateView>(ReaderEndpoints.StatePath(_counterId), TestContext.Current.CancellationToken);
        Assert.True(state!.CardPresent);
        await using var scope = _app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == SimulatedReaderHandler.InsertedAction, TestContext.Current.CancellationToken);
        Assert.Equal((StaffSignIn.UserNameOf(StaffRoles.Clerk), "succeeded"), (audit.Actor, audit.Outcome));

        var removed = await PostAsync(client, ReaderEndpoints.RemovePath(_counterId), new() { ["returnUrl"] = "https://evil.example/" });
        Assert.Equal("/?simulatedReader=Removed", removed.Headers.Location?.OriginalString);
        Assert.False(_app.Services.GetRequiredService<ICounterReaders>().StateOf(_counterId).CardPresent);
    }

    [Fact]
    public async Task Insert_WhenAnAdministratorPosts_IsForbiddenAndTheReaderStaysEmpty()
    {
        using var client = await SignInWithoutRedirectsAsync(StaffRoles.Administrator);
        var card = await CardIdAsync("K0002");

        var response = await PostAsync(client, ReaderEndpoints.InsertPath(_counterId), new() { ["cardId"] = card, ["returnUrl"] = "/" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(_app.Services.GetRequiredService<ICounterReaders>().StateOf(_counterId).CardPresent);
    }

    [Fact]
    public async Task Insert_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var client = await SignInWithoutRedirectsAsync(StaffRoles.Clerk);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["cardId"] = await CardIdAsync("K0002"), ["returnUrl"] = "/" });

        var response = await client.PostAsync(new Uri(ReaderEndpoints.InsertPath(_counterId), UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(_app.Services.GetRequiredService<ICounterReaders>().StateOf(_counterId).CardPresent);
    }

    [Fact]
    public async Task State_WhenPolledPastHalfTheIdleTimeout_DoesNotExtendTheSessionWhileAPageDoes()
    {
        using var client = await StaffSignIn.SignInAsync(_app, StaffRoles.Clerk);
        _app.Clock.Now = _app.Clock.Now.AddMinutes(12); // idle timeout 20 min: past half, a request would slide it

        var poll = await client.GetAsync(new Uri(ReaderEndpoints.StatePath(_counterId), UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        Assert.False(poll.Headers.TryGetValues("Set-Cookie", out var pollCookies) && pollCookies.Any(c => c.StartsWith("counterapp.auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("counterapp.auth=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/counters/2/reader", true)]
    [InlineData("/API/Counters/15/Reader", true)]
    [InlineData("/api/counters/2/reader/x", false)]
    [InlineData("/api/counters/reader", false)]
    [InlineData("/counters/2/reader/simulated/insert", false)]
    public void IsStatePoll_ForAPath_MatchesOnlyTheStateEndpoint(string path, bool expected) =>
        Assert.Equal(expected, ReaderEndpoints.IsStatePoll(path));

    /// <summary>A client signed in as <paramref name="role"/> that does not follow redirects (to see where a post sends the browser).</summary>
    private async Task<HttpClient> SignInWithoutRedirectsAsync(string role)
    {
        var cookies = new CookieContainer();
        using (var signingIn = _app.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)))
        {
            await StaffSignIn.SignInAsync(signingIn, _app.Services, role);
        }

        return _app.CreateDefaultClient(new CookieContainerHandler(cookies));
    }

    private async Task<string> CardIdAsync(string cardNumber)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().ResidentCards.Where(c => c.CardNumber == cardNumber).Select(c => c.Id).SingleAsync();
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A form post to one of the readers' endpoints, with the antiforgery token a page of the app gave this client.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri("/counter", UriKind.Relative));
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The app with a clock the test can move (the idle timeout).</summary>
    private sealed class App : CounterAppFactory
    {
        public MovableClock Clock { get; } = new(Now);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        }
    }
}
