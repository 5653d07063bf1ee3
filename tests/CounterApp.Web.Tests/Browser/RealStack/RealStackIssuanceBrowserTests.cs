using System.Security.Cryptography;
using System.Text;
using CounterApp.ReaderAgent;
using CounterApp.ReaderAgent.Readers;
using CounterApp.VirtualCard;
using CounterApp.VirtualCard.Vpcd;
using CounterApp.Web.Agents;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CounterApp.Web.Tests.Browser.RealStack;

/// <summary>
/// Issue 7's second E2E: the same same-day issuance clicked in Chromium, but the card is a virtual card in a real PC/SC
/// reader (vpcd under this run's own pcscd), reached through the real reader agent enrolled at counter 2.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class RealStackIssuanceBrowserTests(RealStackBrowserFixture browser, PcscdFixture pcscd) : IClassFixture<RealStackBrowserFixture>, IAsyncDisposable
{
    private const string CardPin = "2580";
    private const string Password = "TATEYAMA26";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-CE-01")]
    [Trait("Rule", "R-VI-01")]
    public async Task SameDayIssuance_WhenCardIsInARealReaderBehindTheAgent_WritesTheCertificateToThatCard()
    {
        var services = browser.App.Services;
        var counterId = await CounterIdAsync(services, 2);
        var card = NewCard(services);
        await GiveCardToResidentAsync(services, "16322800001", card.Serial);
        EnrolmentCode code;
        await using (var scope = services.CreateAsyncScope())
        {
            code = await scope.ServiceProvider.GetRequiredService<AgentAdministration>().IssueEnrolmentCodeAsync("counter-2-pc", counterId, "admin-test");
        }

        var options = new AgentOptions
        {
            Server = new UriBuilder(browser.BaseAddress) { Scheme = "ws", Path = "/agents/connect" }.Uri,
            StateDirectory = Directory.CreateTempSubdirectory("counterapp-e2e-agent-").FullName,
            EnrolmentCode = code.Code,
            OperationTimeout = TimeSpan.FromSeconds(30),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReaderPollInterval = TimeSpan.FromSeconds(1),
        };
        var runner = new AgentRunner(options, new PcscReaderSource(options.ReaderPollInterval), NullLogger<AgentRunner>.Instance);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);
        var registry = services.GetRequiredService<AgentRegistry>();
        try
        {
            await WaitForAsync(() => registry.AtCounter(counterId).SelectMany(a => a.Readers).Any(r => r.Name == PcscdFixture.Reader0), "the agent reporting its reader");
            await using var insertion = await VpcdClient.InsertAsync(card, "127.0.0.1", pcscd.Port, Wait);
            await WaitForAsync(() => registry.AtCounter(counterId).SelectMany(a => a.Readers).Any(r => r.CardPresent), "the agent reporting the card");

            var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
            // The header shows the live reader state from the agent (no simulation marker).
            await page.WaitForSelectorAsync("[data-card-present=true]", new() { Timeout = 30_000 });
            Assert.False(await page.IsVisibleAsync("#simulated-reader"));

            await IssuanceFlow.StartAsync(browser, page, "上市", "NewIssuance");
            await IssuanceFlow.ThroughFeeAsync(browser, page, new DateOnly(2029, 4, 2));
            await IssuanceFlow.IssueAsync(browser, page, CardPin, Password);

            // The certificate the CA issued is the one on the card, and the password opens it.
            var certificate = await LatestCertificateAsync(services, "16322800001");
            var onCard = card.Summarize();
            Assert.True(onCard.HasPassword);
            using var issued = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate.Der ?? throw new InvalidOperationException("The certificate row has no DER."));
            Assert.Equal(issued.Subject, onCard.SigningCertificateSubject);
            Assert.Equal(new DateTimeOffset(issued.NotAfter.ToUniversalTime()), onCard.SigningCertificateNotAfter?.ToUniversalTime());
            Assert.Contains(certificate.Serial, await page.InnerTextAsync("#certificate-serial"), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(Wait);
            Directory.Delete(options.StateDirectory, recursive: true);
        }
    }

    private static VirtualResidentCard NewCard(IServiceProvider services)
    {
        var secret = services.GetRequiredService<IssuerMasterSecret>().Read();
        try
        {
            return VirtualResidentCard.CreateInMemory(secret, Encoding.ASCII.GetBytes(CardPin));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The resident's active card gets the virtual card's number and chip serial (the card in the reader is theirs, R-CA-04).</summary>
    private static async Task GiveCardToResidentAsync(IServiceProvider services, string residentCode, string cardNumber)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var row = await db.ResidentCards.Where(c => c.Resident!.ResidentCode == residentCode).OrderByDescending(c => c.ExpiryDate).FirstAsync();
        row.CardNumber = cardNumber;
        row.ChipSerial = cardNumber;
        await db.SaveChangesAsync();
    }

    private static async Task<int> CounterIdAsync(IServiceProvider services, int number)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Counters.Where(c => c.Number == number).Select(c => c.Id).FirstAsync();
    }

    private static async Task<RegisteredRow> LatestCertificateAsync(IServiceProvider services, string residentCode)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.ResidentCode == residentCode);
        var id = await db.Certificates.AsNoTracking().Where(c => c.ResidentId == resident.Id).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
        return await TestRegister.RowAsync(db, id);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
