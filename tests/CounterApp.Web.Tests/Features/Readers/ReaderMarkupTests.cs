using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CounterApp.Card.Connection;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Tests.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CounterApp.Web.Tests.Features.Readers;

/// <summary>The readers' markup (Blazor's HtmlRenderer) and the state endpoint's JSON.</summary>
public sealed partial class ReaderMarkupTests(PostgresServer postgres)
{
    [Fact]
    public async Task ReaderStatus_WhenASimulatedReaderHoldsACard_ShowsTheMarkerAndTheCardBadgeOn()
    {
        using var culture = new JapaneseUiCulture();
        var state = new CounterReaderState(true, true, true, true, SimulatedCounterReaders.ReaderName);

        var html = await RenderAsync<ReaderStatus>(Services(new FixedReaders(state)), new() { ["CounterId"] = 2 });

        Assert.Contains("data-reader-state=\"/api/counters/2/reader\"", html, StringComparison.Ordinal);
        Assert.Contains("data-card-present=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("data-badge=\"card\" data-on=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("カード挿入: <span data-badge-state>あり</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-badge=\"simulated\">シミュレーション</span>", html, StringComparison.Ordinal);
        Assert.Contains("カードが挿入されています（シミュレーション）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderStatus_WhenTheAgentIsOffline_HidesTheMarkerAndShowsEveryBadgeOff()
    {
        using var culture = new JapaneseUiCulture();

        var html = await RenderAsync<ReaderStatus>(Services(new FixedReaders(CounterReaderState.Offline)), new() { ["CounterId"] = 3 });

        Assert.Contains("data-badge=\"agent\" data-on=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("data-badge=\"card\" data-on=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("data-badge=\"simulated\" hidden>", html, StringComparison.Ordinal);
        Assert.Contains("リーダーエージェントが接続されていません", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetState_WhenCalled_ReturnsTheStateAsCamelCaseJsonWithTheLabelInTheUiCulture()
    {
        using var culture = new JapaneseUiCulture();
        var http = new DefaultHttpContext { RequestServices = Services(new FixedReaders(new CounterReaderState(true, true, false, false, "Reader A"))) };
        http.Response.Body = new MemoryStream();

        var result = ReaderEndpoints.GetState(2, http.RequestServices.GetRequiredService<ICounterReaders>(), http);
        await result.ExecuteAsync(http);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
        http.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        var root = json.RootElement;
        Assert.True(root.GetProperty("agentConnected").GetBoolean());
        Assert.True(root.GetProperty("readerPresent").GetBoolean());
        Assert.False(root.GetProperty("cardPresent").GetBoolean());
        Assert.False(root.GetProperty("simulated").GetBoolean());
        Assert.Equal("Reader A", root.GetProperty("readerName").GetString());
        Assert.Equal("カードが挿入されていません", root.GetProperty("label").GetString());
    }

    [Fact]
    public void Label_InEnglish_SaysTheStateAndTheSimulation() =>
        Assert.Equal(
            "A card is inserted (simulation)",
            ReaderText.Label(new CounterReaderState(true, true, true, true, "x"), System.Globalization.CultureInfo.GetCultureInfo("en")));

    [Fact]
    public async Task SimulatedReaderPanel_WhenTheReaderIsEmpty_OffersTheResidentsCardFirstWithTheDemoPinAndTheOutcome()
    {
        using var culture = new JapaneseUiCulture();
        await using var kit = await ReadersKit.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var card = await kit.CardAsync("K0002");
        await using var db = kit.Database.NewContext();
        var services = Services(kit.Readers, s =>
        {
            s.AddSingleton(db);
            s.AddScoped(_ => kit.Handler(db));
            s.AddSingleton<NavigationManager>(new FixedNavigation($"http://counter.test/issuance/5?step=card&{ReaderEndpoints.OutcomeQuery}=Removed"));
        });

        var html = await RenderAsync<SimulatedReaderPanel>(services, new() { ["CounterId"] = kit.CounterId, ["ResidentId"] = (long?)card.ResidentId });

        Assert.Contains("シミュレーション", html, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"demo-card-pin\">1234</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/counters/{kit.CounterId}/reader/simulated/insert\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{card.Id}\" data-card-number=\"K0002\" selected>K0002 — 剱 花子", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/issuance/5?step=card\"", html, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"Removed\">カードを取り出しました。", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulatedReaderPanel_WhenACardIsIn_OffersOnlyToRemoveIt()
    {
        using var culture = new JapaneseUiCulture();
        await using var kit = await ReadersKit.CreateAsync(DatabaseProvider.Sqlite, postgres);
        kit.Readers.Insert(kit.CounterId, "K0001");
        await using var db = kit.Database.NewContext();
        var services = Services(kit.Readers, s =>
        {
            s.AddScoped(_ => kit.Handler(db));
            s.AddSingleton<NavigationManager>(new FixedNavigation("http://counter.test/"));
        });

        var html = await RenderAsync<SimulatedReaderPanel>(services, new() { ["CounterId"] = kit.CounterId });

        Assert.Contains("data-card-number=\"K0001\"", html, StringComparison.Ordinal);
        Assert.Contains("上市 太郎", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/counters/{kit.CounterId}/reader/simulated/remove\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("simulated-insert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("simulated-reader-outcome", html, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(ICounterReaders readers, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton(readers);
        services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static async Task<string> RenderAsync<TComponent>(ServiceProvider services, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using (services)
        await using (var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>()))
        {
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());

            // Readable assertions: characters instead of entities, and without the CSS isolation scope attribute.
            return ScopeAttribute().Replace(WebUtility.HtmlDecode(html), "");
        }
    }

    [GeneratedRegex(" b-[a-z0-9]{10}")]
    private static partial Regex ScopeAttribute();

    private sealed class FixedReaders(CounterReaderState state) : ICounterReaders
    {
        public event EventHandler<CounterReaderChangedEventArgs>? Changed
        {
            add { }
            remove { }
        }

        public CounterReaderState StateOf(int counterId) => state;

        public Task<ISmartCardConnection> OpenCardAsync(int counterId, CancellationToken cancellationToken = default) =>
            throw new ReaderUnavailableException(ReaderUnavailableReason.NoCard, counterId);
    }

    private sealed class FixedNavigation : NavigationManager
    {
        public FixedNavigation(string uri) => Initialize("http://counter.test/", uri);
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
