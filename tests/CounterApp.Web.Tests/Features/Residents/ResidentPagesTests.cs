using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Residents;

/// <summary>/residents and /residents/{id} in the real app (Production, SQLite, 2026-11-24 10:00 Tokyo, demo town).</summary>
public sealed class ResidentPagesTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task Search_WhenClerkSearchesKanaInHalfWidth_ListsTheResidentWithLinkCardAndCertificate()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var id = await IdOfAsync(app, "16322800007");

        var html = await client.GetStringAsync(new Uri("/residents?q=" + Uri.EscapeDataString("ﾕﾐﾉｼｮｳ"), UriKind.Relative));

        Assert.Contains("<label for=\"q\">検索語</label>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"results-table\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/residents/{id}\">弓庄 恵子</a>", html, StringComparison.Ordinal);
        Assert.Contains("K0007", html, StringComparison.Ordinal);
        Assert.Contains("氏名・カナで検索しました。", html, StringComparison.Ordinal);
        Assert.Contains("1件見つかりました。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"search-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task Search_WhenQueryBlank_ShowsTheErrorNamingTheFieldAndFocusesTheField()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);

        var response = await client.GetAsync(new Uri("/residents?q=+", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\" id=\"search-error\">検索語を入力してください", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"q-hint search-error\" aria-invalid=\"true\" autofocus", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"results\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WhenAnonymousOrAdministrator_IsRefused()
    {
        await using var app = new CounterAppFactory();
        using var anonymous = app.CreateClient(NoRedirects);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/residents?q=K0001", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        var anonymousResponse = await anonymous.SendAsync(request);
        using var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);

        var adminHtml = await admin.GetStringAsync(new Uri("/residents?q=K0001", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, anonymousResponse.StatusCode);
        Assert.StartsWith("http://localhost/account/login", anonymousResponse.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains("id=\"access-denied\"", adminHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("results-table", adminHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("カミイチ", adminHtml, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    [Trait("Rule", "R-CE-08")]
    public async Task Detail_WhenCertificateInRenewalWindow_OffersRenewalNotNewIssuanceAndShowsTheBadge()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var id = await IdOfAsync(app, "16322800007");

        var html = await client.GetStringAsync(new Uri($"/residents/{id}", UriKind.Relative));

        Assert.Contains("id=\"resident-code\">16322800007<", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Registered\"", html, StringComparison.Ordinal);
        // R-CE-08: a valid certificate exists, so new issuance is not a plain action; the notice points to renewal.
        Assert.DoesNotContain("id=\"start-new-issuance\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"new-issuance-blocked\" data-rule=\"R-CE-08\" data-points-to=\"renewal\"", html, StringComparison.Ordinal);
        Assert.Contains("3A0F1C55D2E4B6A8", html[html.IndexOf("id=\"new-issuance-blocked\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains($"id=\"start-renewal\" href=\"/applications/new?resident={id}&amp;procedure=Renewal\"", html, StringComparison.Ordinal);
        Assert.Contains("data-serial=\"3A0F1C55D2E4B6A8\"", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"ExpiringSoon\"", html, StringComparison.Ordinal);
        Assert.Contains("data-card=\"K0007\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    [Trait("Rule", "R-CE-08")]
    public async Task Detail_WhenNoCertificateInWindow_OffersNoRenewalAndPointsNewIssuanceToRevocation()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var locked = await IdOfAsync(app, "16322800008");

        var html = await client.GetStringAsync(new Uri($"/residents/{locked}", UriKind.Relative));

        // R-CE-08: the certificate is valid and outside its renewal window: no new issuance, revocation instead.
        Assert.DoesNotContain("id=\"start-new-issuance\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"new-issuance-blocked\" data-rule=\"R-CE-08\" data-points-to=\"revocation\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"start-revocation\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"start-renewal\"", html, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Locked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CE-08")]
    public async Task Detail_WhenNoValidCertificate_OffersNewIssuance()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var id = await IdOfAsync(app, "16322800001");

        var html = await client.GetStringAsync(new Uri($"/residents/{id}", UriKind.Relative));

        Assert.Contains($"id=\"start-new-issuance\" href=\"/applications/new?resident={id}&amp;procedure=NewIssuance\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-issuance-blocked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_WhenNoSuchResident_Answers404()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var response = await client.GetAsync(new Uri("/residents/987654", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<long> IdOfAsync(CounterAppFactory app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.Residents.Where(r => r.ResidentCode == code).Select(r => r.Id).SingleAsync();
    }
}
