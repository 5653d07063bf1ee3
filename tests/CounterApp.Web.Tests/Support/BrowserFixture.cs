using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Support;

/// <summary>
/// The real app on Kestrel (a loopback port chosen by the OS) and Debian's Chromium driven by Playwright.
/// Chromium is a test dependency installed by `./build.sh test`; if it is missing the tests fail, never skip.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<IPage> _pages = [];

    private readonly List<(string Step, byte[] Png)> _steps = [];

    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(new CounterAppFactory())
    {
    }

    protected BrowserFixture(CounterAppFactory app) => App = app;

    public CounterAppFactory App { get; }

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseAddress = App.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a container needs --no-sandbox; the rest keep Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh browser context (own cookies) with a page in Japanese.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "ja-JP" });
        // Two cores shared by the whole suite: a post that signs a certificate or a PDF can take a while under load.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        lock (_pages)
        {
            _pages.Add(page);
        }

        return page;
    }

    /// <summary>A fresh page signed in through the sign-in form as the demo account of <paramref name="role"/>, at counter 2.</summary>
    public async Task<IPage> SignedInPageAsync(string role)
    {
        await StaffSignIn.PreparePasswordAsync(App.Services, role);
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#user-name", StaffSignIn.UserNameOf(role));
        await page.FillAsync("#password", StaffSignIn.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/counter**");
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (role != Web.Data.Entities.StaffRoles.Administrator)
        {
            await page.ClickAsync("#choose-counter");
            await page.WaitForSelectorAsync("#header-counter");
        }

        return page;
    }

    /// <summary>
    /// Takes any card out of every counter's simulated reader. The app is shared by the tests of a class, which run
    /// in no fixed order, so a test that watches the reader must not inherit a card another test left in.
    /// </summary>
    public async Task EmptySimulatedReadersAsync()
    {
        var readers = App.Services.GetRequiredService<Web.Features.Readers.SimulatedCounterReaders>();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.CounterDbContext>();
        foreach (var counterId in await db.Counters.Select(c => c.Id).ToListAsync())
        {
            readers.Remove(counterId);
        }
    }

    /// <summary>Keeps a screenshot of a procedure step in memory; written out only if the test fails.</summary>
    public async Task StepAsync(IPage page, string step)
    {
        ArgumentNullException.ThrowIfNull(page);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        lock (_steps)
        {
            _steps.Add((step, png));
        }
    }

    /// <summary>
    /// When the current test failed, saves the step screenshots taken with <see cref="StepAsync"/> and a full-page
    /// screenshot of every page opened since the last call, named for the test (artifacts/screenshots under the test
    /// output); then forgets them.
    /// </summary>
    public async Task ScreenshotIfFailedAsync()
    {
        IPage[] pages;
        (string Step, byte[] Png)[] steps;
        lock (_pages)
        {
            pages = [.. _pages];
            _pages.Clear();
        }

        lock (_steps)
        {
            steps = [.. _steps];
            _steps.Clear();
        }

        var context = TestContext.Current;
        if (context.TestState?.Result != TestResult.Failed)
        {
            return;
        }

        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var name = string.Concat((context.Test?.TestDisplayName ?? "test").Split(Path.GetInvalidFileNameChars()));
        for (var i = 0; i < steps.Length; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, $"{name}-step{i + 1:00}-{steps[i].Step}.png"), steps[i].Png);
        }

        for (var i = 0; i < pages.Length; i++)
        {
            if (!pages[i].IsClosed)
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}-{i}.png"), FullPage = true });
            }
        }
    }
}
