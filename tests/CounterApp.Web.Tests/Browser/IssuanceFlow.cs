using CounterApp.Web.Tests.Support;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Browser;

/// <summary>The clerk's same-day procedure as a clerk clicks it, shared by the simulated and the real-stack E2E tests.</summary>
internal static class IssuanceFlow
{
    /// <summary>A 1×1 PNG: the scanned copy of the identity document (R-ID-04) the clerk attaches.</summary>
    public static readonly byte[] ScannedCopy = Convert.FromHexString(
        "89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000D4944415478DA63F8FFFF3F0005FE02FEA7D6A5B90000000049454E44AE426082");

    /// <summary>Search → detail → start: returns on the eligibility step of a new application.</summary>
    public static async Task StartAsync(BrowserFixture browser, IPage page, string search, string procedure)
    {
        await page.GotoAsync("/residents");
        await page.FillAsync("#q", search);
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("#results-table");
        await browser.StepAsync(page, "search");
        await page.ClickAsync("#results-table tbody a");
        await page.WaitForSelectorAsync("#resident-facts");
        await browser.StepAsync(page, "resident");
        await page.ClickAsync(procedure == "Renewal" ? "#start-renewal" : "#start-new-issuance");
        await page.WaitForSelectorAsync("#start");
        await browser.StepAsync(page, "start");
        await page.CheckAsync($"#procedure-{procedure}");
        await page.CheckAsync("#applicant-InPerson");
        await page.ClickAsync("#start");
        await page.WaitForSelectorAsync("#step-eligibility");
        await browser.StepAsync(page, "eligibility");
    }

    /// <summary>Eligibility → driver's licence with its copy → seal → fee: returns on the card step with the receipt number.</summary>
    public static async Task<string> ThroughFeeAsync(BrowserFixture browser, IPage page, DateOnly licenceExpires)
    {
        await page.ClickAsync("#check-eligibility");
        await page.WaitForSelectorAsync("#step-documents");
        await browser.StepAsync(page, "documents");
        await page.SelectOptionAsync("#document-type", "driver-licence");
        await page.FillAsync("#document-expires", licenceExpires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.CheckAsync("#document-address");
        await page.SetInputFilesAsync("#document-copy", new FilePayload { Name = "licence.png", MimeType = "image/png", Buffer = ScannedCopy });
        await page.ClickAsync("#record-document");
        await page.WaitForSelectorAsync("#step-seal");
        await browser.StepAsync(page, "seal");
        await page.CheckAsync("#seal-confirmed");
        await page.ClickAsync("#confirm-seal");
        await page.WaitForSelectorAsync("#step-fee");
        await browser.StepAsync(page, "fee");
        await page.ClickAsync("#take-fee");
        await page.WaitForSelectorAsync("#step-card");
        await browser.StepAsync(page, "card");
        return (await page.InnerTextAsync("#receipt-number")).Trim();
    }

    /// <summary>The resident types the card PIN and the new password twice; returns on the print step.</summary>
    public static async Task IssueAsync(BrowserFixture browser, IPage page, string cardPin, string password)
    {
        await page.FillAsync("#card-pin", cardPin);
        await page.FillAsync("#password", password);
        await page.FillAsync("#password-confirmation", password);
        await page.ClickAsync("#issue-card");
        await page.WaitForSelectorAsync("#step-print", new PageWaitForSelectorOptions { Timeout = 120_000 });
        await browser.StepAsync(page, "print");
    }

    /// <summary>Fetches a link of the page with the page's own session (cookies), as the browser would download it.</summary>
    public static async Task<byte[]> DownloadAsync(IPage page, string linkSelector)
    {
        var href = await page.GetAttributeAsync(linkSelector, "href") ?? throw new InvalidOperationException($"{linkSelector} has no href.");
        var response = await page.Context.APIRequest.GetAsync(href);
        Assert.True(response.Ok, $"{href} answered {response.Status}.");
        Assert.Equal("application/pdf", response.Headers["content-type"].Split(';')[0]);
        return await response.BodyAsync();
    }
}
