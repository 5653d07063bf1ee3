using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.InquiryLetters;
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

    [Fact]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-VI-04")]
    public async Task ApplicationPage_WhenReloadedAfterTwoVisits_ShowsTheLetterStateNotTheDocumentFormAndKeepsNoDocument()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var residentId = await ResidentIdAsync(app, "16322800002"); // 剱 花子: non-photo card
        var (started, _) = await FormPoster.PostAsync(client, $"/applications/new?resident={residentId}&procedure=NewIssuance", "start", new Dictionary<string, string>
        {
            ["Form.Procedure"] = "NewIssuance",
            ["Form.Applicant"] = "InPerson",
        });
        var path = started.RequestMessage!.RequestUri!.AbsolutePath;
        var id = Guid.Parse(path["/applications/".Length..]);
        await FormPoster.PostAsync(client, path, "eligibility", new Dictionary<string, string>());

        var (_, decided) = await PostDocumentAsync(client, path, expiresOn: "2026-11-01"); // expired: no photo document, two visits
        var reload = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        // A stale tab posting the document form again: the page no longer has that form, so nothing reaches the handler.
        var (stale, _) = await PostDocumentAsync(client, path, expiresOn: "2030-01-01");

        Assert.Contains("id=\"prepare-letter-form\"", decided, StringComparison.Ordinal);
        Assert.Contains("id=\"step-letter\"", reload, StringComparison.Ordinal);
        Assert.Contains("id=\"prepare-letter-form\"", reload, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"R-VI-02\"", reload, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"step-documents\"", reload, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, stale);
        // Until a letter is prepared, the clerk may go back and record an accepted document instead (same day after all).
        Assert.Contains($"href=\"/applications/{id}?step=documents\"", reload, StringComparison.Ordinal);
        var again = await client.GetStringAsync(new Uri($"{path}?step=documents", UriKind.Relative));
        Assert.Contains("id=\"step-documents\"", again, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            Assert.False(await db.PresentedDocuments.AnyAsync(d => d.ApplicationId == id));
        }

        var letterId = await PrepareLetterAsync(app, id);
        var prepared = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("id=\"letter-prepared\"", prepared, StringComparison.Ordinal);
        Assert.Contains("href=\"/letters\"", prepared, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"prepare-letter-form\"", prepared, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"document-again\"", prepared, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"step-documents\"", await client.GetStringAsync(new Uri($"{path}?step=documents", UriKind.Relative)), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mailed = await scope.ServiceProvider.GetRequiredService<MarkLettersMailedHandler>().HandleAsync(new MarkLettersMailed([letterId], IssuanceKit.Clerk, null));
            Assert.True(mailed.Succeeded, mailed.Message);
        }

        var waiting = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("id=\"letter-mailed\"", waiting, StringComparison.Ordinal);
        Assert.Contains("id=\"second-visit-hint\"", waiting, StringComparison.Ordinal);
        Assert.Contains("href=\"/applications/second-visit\"", waiting, StringComparison.Ordinal);
        Assert.Contains("href=\"/letters\"", waiting, StringComparison.Ordinal);
    }

    /// <summary>The document step's multipart form as a browser posts it, with a PNG scan.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostDocumentAsync(HttpClient client, string path, string expiresOn)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("document"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("driver-licence"), "Document.TypeCode" },
            { new StringContent("2024-01-01"), "Document.IssuedOn" },
            { new StringContent(expiresOn), "Document.ExpiresOn" },
            { new StringContent("true"), "Document.AddressMatches" },
        };
        var scan = new ByteArrayContent(IssuanceKit.Scan);
        scan.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(scan, "copy", "scan.png");
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<long> PrepareLetterAsync(CounterAppFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var prepared = await scope.ServiceProvider.GetRequiredService<PrepareInquiryLetterHandler>().HandleAsync(new PrepareInquiryLetter(id, IssuanceKit.Clerk, null));
        Assert.True(prepared.Succeeded, prepared.Message);
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.InquiryLetters.Where(l => l.ApplicationId == id).Select(l => l.Id).SingleAsync();
    }

    private static async Task<long> ResidentIdAsync(CounterAppFactory app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.Residents.Where(r => r.ResidentCode == code).Select(r => r.Id).SingleAsync();
    }
}
