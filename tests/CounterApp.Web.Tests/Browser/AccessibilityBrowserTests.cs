using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.Playwright;

namespace CounterApp.Web.Tests.Browser;

/// <summary>
/// Issue 7's accessibility bar in Chromium: the procedure is reachable with the keyboard alone (Tab and Enter),
/// every input has a label, and after a refusal the focus is on the list of broken rules.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await browser.ScreenshotIfFailedAsync();

    [Fact]
    [Trait("Rule", "R-EL-03")]
    public async Task Procedure_WhenDrivenByKeyboardOnly_ReachesEligibilityAndFocusesTheBrokenRules()
    {
        await StaffSignIn.PreparePasswordAsync(browser.App.Services, StaffRoles.Clerk);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");

        // The user-name field has the focus on arrival.
        await AssertLabelledAsync(page);
        await page.Keyboard.TypeAsync(StaffSignIn.UserNameOf(StaffRoles.Clerk));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(StaffSignIn.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/counter**");
        await AssertLabelledAsync(page);
        await TabToAndPressAsync(page, "choose-counter");
        await page.WaitForSelectorAsync("#header-counter");

        await TabToAndPressAsync(page, "tile-residents");
        await page.WaitForSelectorAsync("#q");
        await AssertLabelledAsync(page);
        await TabToAsync(page, "q");
        // 立山 健 is 14: the special procedure applies (R-EL-03).
        await page.Keyboard.TypeAsync("たてやま");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#results-table");
        await TabToAndPressAsync(page, null, "#results-table tbody a");
        await page.WaitForSelectorAsync("#resident-facts");
        await TabToAndPressAsync(page, "start-new-issuance");
        await page.WaitForSelectorAsync("#start");
        await AssertLabelledAsync(page);
        await TabToAndPressAsync(page, "start");
        await page.WaitForSelectorAsync("#step-eligibility");
        await TabToAndPressAsync(page, "check-eligibility");
        await page.WaitForSelectorAsync("#issuance-errors");

        Assert.Equal("issuance-errors", await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id"));
        Assert.Equal("R-EL-03", await page.GetAttributeAsync("#issuance-errors li[data-rule='R-EL-03']", "data-rule"));
    }

    [Fact]
    public async Task DocumentStep_WhenOpened_HasALabelForEveryInput()
    {
        var page = await browser.SignedInPageAsync(StaffRoles.Clerk);
        await IssuanceFlow.StartAsync(browser, page, "つるぎ", "NewIssuance");
        await page.ClickAsync("#check-eligibility");
        await page.WaitForSelectorAsync("#step-documents");

        await AssertLabelledAsync(page);
    }

    /// <summary>Every visible input, select and textarea has a label element or an aria-label.</summary>
    private static async Task AssertLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(
            """
            () => Array.from(document.querySelectorAll('input, select, textarea'))
                .filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button')
                .filter(e => (e.labels === null || e.labels.length === 0) && !e.getAttribute('aria-label'))
                .map(e => e.id || e.name)
            """);
        Assert.True(unlabelled.Length == 0, $"{page.Url}: inputs without a label: {string.Join(", ", unlabelled)}");
    }

    private static Task TabToAndPressAsync(IPage page, string? id, string? selector = null) => TabToAsync(page, id, selector, press: true);

    /// <summary>Presses Tab until the element has the focus (at most 60 times), then optionally Enter: proof it is reachable by keyboard.</summary>
    private static async Task TabToAsync(IPage page, string? id, string? selector = null, bool press = false)
    {
        var script = selector is null
            ? $"() => document.activeElement !== null && document.activeElement.id === '{id}'"
            : $"() => document.activeElement !== null && document.activeElement === document.querySelector(\"{selector}\")";
        for (var i = 0; i < 60; i++)
        {
            if (await page.EvaluateAsync<bool>(script))
            {
                if (press)
                {
                    await page.Keyboard.PressAsync("Enter");
                }

                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{id ?? selector} was not reachable with Tab on {page.Url}.");
    }
}
