using CounterApp.Card.Client;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// Card services in Chromium on the embedded default: a certificate issued to 上市 太郎 on the counter's simulated
/// reader, the password locked by five wrong tries through the card API, then unlocked through the UI (R-CA-01).
/// </summary>
public sealed class CardServicesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private const string IssuedPassword = "KAMI2026";
    private const string NewPassword = "UNLOCK77";

    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-CA-01")]
    [Trait("Rule", "R-PX-03")]
    [Trait("Rule", "R-X-02")]
    public async Task Unlock_WhenPasswordLockedByFiveWrongTries_ResidentSetsANewPasswordThatWorks()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await IssuanceFlow.StartAsync(browser, page, "ｶﾐｲﾁ", "NewIssuance");
        await IssuanceFlow.ThroughFeeAsync(browser, page, new DateOnly(2029, 4, 2));
        await page.WaitForSelectorAsync("#simulated-reader");
        var counterId = int.Parse(await page.GetAttributeAsync("#simulated-reader", "data-counter-id") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var pin = (await page.InnerTextAsync("#demo-card-pin")).Trim();
        await page.ClickAsync("#simulated-insert");
        await page.WaitForSelectorAsync("#simulated-remove");
        await IssuanceFlow.IssueAsync(browser, page, pin, IssuedPassword);

        // Five wrong passwords through the card API on the card in the counter's reader lock it.
        await using (var connection = await Readers.OpenCardAsync(counterId))
        {
            var client = new ResidentCardClient(connection);
            await client.SelectApplicationAsync();
            for (var i = 0; i < 5; i++)
            {
                await client.VerifyPasswordAsync("WRONG1".AsMemory());
            }

            Assert.True((await client.GetPasswordStatusAsync()).IsBlocked);
        }

        var residentId = await ResidentIdAsync("16322800001");
        await page.GotoAsync($"/residents/{residentId}");
        await page.ClickAsync("#start-card-services");
        await page.WaitForSelectorAsync("#choose-service");
        await browser.StepAsync(page, "card-services");

        // A proxy is refused (R-PX-03), with the focus on the rule list.
        await page.CheckAsync("#service-Unlock");
        await page.CheckAsync("#applicant-Proxy");
        await page.ClickAsync("#choose-service");
        await page.WaitForSelectorAsync("#card-service-errors li[data-rule='R-PX-03']");
        Assert.Equal("card-service-errors", await page.EvaluateAsync<string>("document.activeElement.id"));
        await browser.StepAsync(page, "proxy-refused");

        await page.CheckAsync("#service-Unlock");
        await page.CheckAsync("#applicant-InPerson");
        await page.ClickAsync("#choose-service");
        await page.WaitForSelectorAsync("#run-service");
        Assert.EndsWith($"/residents/{residentId}/card-services/unlock", page.Url, StringComparison.Ordinal);
        await browser.StepAsync(page, "unlock");

        // The clerk re-checks the identity document; the resident types the new password twice.
        await page.SelectOptionAsync("#document-type", "driver-licence");
        await page.FillAsync("#document-expires", "2029-04-02");
        await page.CheckAsync("#document-address");
        Assert.True(await page.IsVisibleAsync("#simulated-remove"));
        Assert.Equal("password", await page.GetAttributeAsync("#new-password", "type"));
        Assert.Equal("password", await page.GetAttributeAsync("#new-password-confirmation", "type"));
        await page.FillAsync("#new-password", NewPassword);
        await page.FillAsync("#new-password-confirmation", NewPassword);
        await page.ClickAsync("#run-service");
        await page.WaitForSelectorAsync("#card-service-ok", new() { Timeout = 60_000 });
        await browser.StepAsync(page, "unlocked");
        Assert.DoesNotContain(NewPassword, await page.ContentAsync(), StringComparison.Ordinal);

        await using (var connection = await Readers.OpenCardAsync(counterId))
        {
            var client = new ResidentCardClient(connection);
            await client.SelectApplicationAsync();
            Assert.True((await client.VerifyPasswordAsync(NewPassword.AsMemory())).IsVerified);
        }

        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False(await db.Certificates.AsNoTracking().Where(c => c.ResidentId == residentId).Select(c => c.IsLocked).SingleAsync());
        Assert.True(await db.AuditEntries.AsNoTracking().AnyAsync(a => a.Action == "card.password-unlocked" && a.Outcome == "succeeded"));
    }

    private ICounterReaders Readers => browser.App.Services.GetRequiredService<ICounterReaders>();

    private async Task<long> ResidentIdAsync(string residentCode)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.Residents.AsNoTracking().Where(r => r.ResidentCode == residentCode).Select(r => r.Id).SingleAsync();
    }
}
