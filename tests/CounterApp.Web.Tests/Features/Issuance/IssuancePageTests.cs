using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>The static-SSR pages of the procedure: start, the step screens with every broken rule, and who may open what.</summary>
public sealed class IssuancePageTests
{
    [Fact]
    [Trait("Rule", "R-EL-03")]
    [Trait("Rule", "R-X-03")]
    public async Task Pages_WhenAClerkStartsAndChecksAnUnder15_ShowTheRefusalWithRuleIdsAndFocusOnIt()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var residentId = await ResidentIdAsync(app, "16322800003");

        var (started, html) = await FormPoster.PostAsync(client, $"/applications/new?resident={residentId}&procedure=NewIssuance", "start", new Dictionary<string, string>
        {
            ["Form.Procedure"] = "NewIssuance",
            ["Form.Applicant"] = "InPerson",
        });
        Assert.True(started.IsSuccessStatusCode, html);
        var path = started.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/applications/", path, StringComparison.Ordinal);
        Assert.Contains("id=\"step-eligibility\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"step\"", html, StringComparison.Ordinal);

        var (_, checkedHtml) = await FormPoster.PostAsync(client, path, "eligibility", new Dictionary<string, string>());

        Assert.Contains("id=\"issuance-errors\"", checkedHtml, StringComparison.Ordinal);
        Assert.Contains("autofocus", checkedHtml, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"R-EL-03\"", checkedHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"step-closed\"", checkedHtml, StringComparison.Ordinal);
        var reload = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("id=\"refused-for\"", reload, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-VI-03")]
    public async Task Start_WhenAProxyIsChosen_OpensTheApplicationAtEligibility()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var residentId = await ResidentIdAsync(app, "16322800001");

        var (started, html) = await FormPoster.PostAsync(client, $"/applications/new?resident={residentId}", "start", new Dictionary<string, string>
        {
            ["Form.Procedure"] = "NewIssuance",
            ["Form.Applicant"] = "Proxy",
        });

        Assert.True(started.IsSuccessStatusCode, html);
        Assert.StartsWith("/applications/", started.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("id=\"step-eligibility\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-FE-03")]
    public async Task SupervisorVoids_WhenOpenedByAClerk_IsDeniedAndBySupervisorListsNothingPending()
    {
        await using var app = new CounterAppFactory();
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var denied = await clerk.GetAsync(new Uri("/supervisor/voids", UriKind.Relative));
        Assert.DoesNotContain("id=\"pending-voids\"", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"no-pending\"", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var supervisor = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);
        var page = await supervisor.GetStringAsync(new Uri("/supervisor/voids", UriKind.Relative));
        Assert.Contains("id=\"no-pending\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_WhenNothingRuns_AnswersJsonWithoutAStep()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var response = await client.GetAsync(new Uri($"/applications/{Guid.NewGuid()}/progress", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"step\":null,\"running\":false}", await response.Content.ReadAsStringAsync());
    }

    private static async Task<long> ResidentIdAsync(CounterAppFactory app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.Residents.Where(r => r.ResidentCode == code).Select(r => r.Id).SingleAsync();
    }
}
