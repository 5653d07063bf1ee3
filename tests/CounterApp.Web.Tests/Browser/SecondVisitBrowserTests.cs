using System.Globalization;
using CounterApp.Domain.Letters;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Support;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// Issue 8's two-visit flow end to end in Chromium: a proxy's first visit gives the letter (to the resident), the
/// second visit by the proxy is refused for a 4-month-old 印鑑登録証明書 and accepted with a fresh one, and the
/// certificate is issued with the clerk typing the password (R-PX-01); and a resident with a non-photo card comes twice.
/// </summary>
public sealed class SecondVisitBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private const string ConcealedPassword = "PX7K2M9Q";
    private const string ResidentPassword = "HN4Z8T2W";

    // The app's clock stands at Tuesday 2026-11-24 (CounterAppFactory).
    private static readonly DateOnly Today = new(2026, 11, 24);

    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-VI-03")]
    [Trait("Rule", "R-VI-05")]
    [Trait("Rule", "R-PX-02")]
    [Trait("Rule", "R-PX-01")]
    public async Task ProxyTwoVisits_WhenTheSealCertificateIsFourMonthsOld_IsRefusedThenWithAFreshOneIssuesWithoutShowingThePassword()
    {
        await browser.EmptySimulatedReadersAsync();
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        var seen = new List<string>();

        // First visit: a proxy for 上市 太郎 shows their own licence; never a same-day issue.
        await page.GotoAsync("/residents");
        await page.FillAsync("#q", "ｶﾐｲﾁ");
        await page.PressAsync("#q", "Enter");
        await page.ClickAsync("#results-table tbody a");
        await page.ClickAsync("#start-new-issuance");
        await page.CheckAsync("#applicant-Proxy");
        await page.ClickAsync("#start");
        await page.ClickAsync("#check-eligibility");
        await page.WaitForSelectorAsync("#step-documents");
        await RecordLicenceAsync(page, addressMatches: true);
        await page.WaitForSelectorAsync("#prepare-letter");
        await browser.StepAsync(page, "proxy-two-visits");
        Assert.Contains("代理人", await page.InnerTextAsync("#issuance-errors"), StringComparison.Ordinal);

        var reference = await PrepareAndMailAsync(page, "上市");

        // Second visit: the wedge scanner types the QR code's 12 digits and Enter.
        await FindAsync(page, reference.Value, "Proxy");
        await FillProxyChecklistAsync(page, Today.AddMonths(-4));
        await page.ClickAsync("#confirm-second-visit");
        await page.WaitForSelectorAsync("#issuance-errors li[data-field='sealCertificate.issuedOn']");
        await browser.StepAsync(page, "seal-certificate-old");
        var refusal = await page.InnerTextAsync("#issuance-errors");
        Assert.Contains("印鑑登録証明書", refusal, StringComparison.Ordinal);
        Assert.Contains("3か月", refusal, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#issuance-errors li").CountAsync());
        seen.Add(await page.ContentAsync());

        await FillProxyChecklistAsync(page, Today.AddMonths(-1));
        await page.ClickAsync("#confirm-second-visit");
        await page.WaitForSelectorAsync("#step-fee");
        await browser.StepAsync(page, "proxy-fee");
        seen.Add(await page.ContentAsync());
        await page.ClickAsync("#take-fee");
        await page.WaitForSelectorAsync("#step-card");

        // R-PX-01: the proxy types the card PIN; the clerk types the password on their own masked field.
        Assert.Equal("ClerkFromConcealedAnswerSheet", await page.GetAttributeAsync("#step-card", "data-password-entry"));
        Assert.Equal(0, await page.Locator("#password").CountAsync());
        Assert.Equal("password", await page.GetAttributeAsync("#clerk-password", "type"));
        await page.ClickAsync("#simulated-insert");
        await page.WaitForSelectorAsync("#simulated-remove");
        seen.Add(await page.ContentAsync());
        var pin = (await page.InnerTextAsync("#demo-card-pin")).Trim();
        await page.FillAsync("#card-pin", pin);
        await page.FillAsync("#clerk-password", ConcealedPassword);
        await page.FillAsync("#clerk-password-confirmation", ConcealedPassword);
        await page.ClickAsync("#issue-card");
        await page.WaitForSelectorAsync("#step-print", new PageWaitForSelectorOptions { Timeout = 120_000 });
        await browser.StepAsync(page, "proxy-print");
        seen.Add(await page.ContentAsync());
        Assert.Matches("[0-9A-Fa-f]{8,}", await page.InnerTextAsync("#certificate-serial"));

        Assert.All(seen, html => Assert.DoesNotContain(ConcealedPassword, html, StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-VI-04")]
    public async Task InPersonTwoVisits_WhenTheCardHasNoPhoto_TheLetterThenAnswerSheetAndCardIssue()
    {
        await browser.EmptySimulatedReadersAsync();
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await IssuanceFlow.StartAsync(browser, page, "ツルギ", "NewIssuance");
        await page.ClickAsync("#check-eligibility");
        await page.WaitForSelectorAsync("#step-documents");
        await RecordLicenceAsync(page, addressMatches: false); // not updated after a move: no same-day issue
        await page.WaitForSelectorAsync("#prepare-letter");
        var reference = await PrepareAndMailAsync(page, "剱");

        // The clerk types the printed groups instead of scanning.
        await FindAsync(page, reference.Display, "InPerson");
        await page.ClickAsync("#confirm-second-visit");
        await page.WaitForSelectorAsync("#issuance-errors");
        Assert.Equal(3, await page.Locator("#issuance-errors li").CountAsync());

        await page.CheckAsync("#answer-sheet");
        await page.CheckAsync("#resident-card");
        await page.CheckAsync("#seal-confirmed");
        await page.ClickAsync("#confirm-second-visit");
        await page.WaitForSelectorAsync("#step-fee");
        await browser.StepAsync(page, "in-person-fee");
        await page.ClickAsync("#take-fee");
        await page.WaitForSelectorAsync("#step-card");
        Assert.Equal("ResidentOnFacingView", await page.GetAttributeAsync("#step-card", "data-password-entry"));
        await page.ClickAsync("#simulated-insert");
        await page.WaitForSelectorAsync("#simulated-remove");
        var pin = (await page.InnerTextAsync("#demo-card-pin")).Trim();
        await IssuanceFlow.IssueAsync(browser, page, pin, ResidentPassword);
        Assert.DoesNotContain(ResidentPassword, await page.ContentAsync(), StringComparison.Ordinal);

        // The used letter cannot serve again.
        await page.GotoAsync("/applications/second-visit?reference=" + reference.Value);
        Assert.Contains("既に使用", await page.InnerTextAsync("#issuance-errors"), StringComparison.Ordinal);
    }

    private static async Task RecordLicenceAsync(IPage page, bool addressMatches)
    {
        await page.SelectOptionAsync("#document-type", "driver-licence");
        await page.FillAsync("#document-expires", "2029-04-02");
        await page.SetCheckedAsync("#document-address", addressMatches);
        await page.SetInputFilesAsync("#document-copy", new FilePayload { Name = "licence.png", MimeType = "image/png", Buffer = IssuanceFlow.ScannedCopy });
        await page.ClickAsync("#record-document");
    }

    /// <summary>照会書を発行 → /letters → mailed; the day's batch PDF carries the reference and the resident's name.</summary>
    private async Task<InquiryReference> PrepareAndMailAsync(IPage page, string residentName)
    {
        await page.ClickAsync("#prepare-letter");
        await page.WaitForSelectorAsync("#letter-done");
        var row = page.Locator("#to-mail tbody tr", new() { HasText = residentName });
        var value = await row.GetAttributeAsync("data-reference") ?? "";
        Assert.True(InquiryReference.TryParse(value, out var reference), value);
        await page.CheckAsync($"#select-{value}");
        await page.ClickAsync("#mark-mailed");
        await page.WaitForSelectorAsync($"#mailed tr[data-reference='{value}']");
        await browser.StepAsync(page, "mailed-" + residentName);

        var pdf = await IssuanceFlow.DownloadAsync(page, "#batch-pdf");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));
        Assert.Contains(reference!.Display, text, StringComparison.Ordinal);
        Assert.Contains(residentName, text, StringComparison.Ordinal);
        return reference;
    }

    private async Task FindAsync(IPage page, string typed, string who)
    {
        await page.GotoAsync("/applications/second-visit");
        await page.FillAsync("#reference", typed);
        await page.PressAsync("#reference", "Enter");
        await page.WaitForSelectorAsync("#application-summary");
        await page.ClickAsync($"#who-{who}");
        await page.WaitForSelectorAsync("#checklist-form");
        await browser.StepAsync(page, "checklist-" + who);
    }

    private static async Task FillProxyChecklistAsync(IPage page, DateOnly sealCertificateIssuedOn)
    {
        await page.CheckAsync("#answer-sheet");
        await page.CheckAsync("#resident-card");
        await page.CheckAsync("#poa");
        await page.CheckAsync("#poa-signed");
        await page.CheckAsync("#poa-sealed");
        await page.FillAsync("#seal-certificate-issued", sealCertificateIssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.CheckAsync("#seal-certificate-matches");
        await page.SelectOptionAsync("#proxy-document-type", "driver-licence");
        await page.FillAsync("#proxy-document-expires", "2029-04-02");
        await page.SetInputFilesAsync("#proxy-document-copy", new FilePayload { Name = "proxy-licence.png", MimeType = "image/png", Buffer = IssuanceFlow.ScannedCopy });
    }
}
