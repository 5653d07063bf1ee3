using System.Net;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CounterApp.Web.Tests.Features.InquiryLetters;

/// <summary>/letters and /letters/batch.pdf: who may open them and how bad input is answered.</summary>
public sealed class LettersPageTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    [Trait("Rule", "R-VI-02")]
    public async Task Letters_WhenClerk_ShowsTheThreeListsAndTheBatchLink()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var html = await client.GetStringAsync(new Uri("/letters", UriKind.Relative));

        Assert.Contains("id=\"to-mail\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"mailed\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"returned\"", html, StringComparison.Ordinal);
        Assert.Contains("郵送待ちの照会書はありません。", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/letters/batch.pdf?day=2026-11-24\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letters_WhenAnonymousOrAdministrator_IsRefused()
    {
        await using var app = new CounterAppFactory();
        using var anonymous = app.CreateClient(NoRedirects);
        var pdfResponse = await anonymous.GetAsync(new Uri("/letters/batch.pdf", UriKind.Relative));
        using var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);

        var adminHtml = await admin.GetStringAsync(new Uri("/letters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, pdfResponse.StatusCode);
        Assert.Contains("id=\"access-denied\"", adminHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"to-mail\"", adminHtml, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task BatchPdf_WhenTheDayIsMalformedOrNothingWasMailed_SaysSoWithoutAPdf()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var bad = await client.GetAsync(new Uri("/letters/batch.pdf?day=24.11.2026", UriKind.Relative));
        var none = await client.GetAsync(new Uri("/letters/batch.pdf?day=2026-11-24", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("yyyy-MM-dd", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }
}
