using System.Net;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>
/// R-X-03 over HTTP: forms posted with a valid antiforgery token but values that do not parse (a date, a choice, a
/// checkbox) or a required value left blank get a page naming the field and the rule in Japanese, never a silent default
/// or null and never a 500; nothing is saved.
/// </summary>
[Trait("Rule", "R-X-03")]
public sealed partial class UnparsedFormValueTests
{
    private const string Taro = "16322800001";

    [Fact]
    [Trait("Rule", "R-ID-03")]
    [Trait("Rule", "R-ID-01")]
    public async Task DocumentStep_WhenADateDoesNotParseOrTheLicenceExpiryIsBlank_NamesTheFieldAndRuleAndKeepsNoDocument()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var (id, path) = await StartAsync(app, client);
        await FormPoster.PostAsync(client, path, "eligibility", new Dictionary<string, string>());

        var (garbageStatus, garbage) = await PostDocumentAsync(client, path, issuedOn: "2024-01-01", expiresOn: "garbage");
        var (blankStatus, blank) = await PostDocumentAsync(client, path, issuedOn: "2024-01-01", expiresOn: "");
        var (issuedStatus, issued) = await PostDocumentAsync(client, path, issuedOn: "2024-13-45", expiresOn: "2030-01-01");
        (garbage, blank, issued) = (Errors(garbage), Errors(blank), Errors(issued));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (garbageStatus, blankStatus, issuedStatus));
        Has(garbage, "data-rule=\"R-ID-03\" data-field=\"document.expiresOn\"");
        Has(garbage, "「有効期限");
        Has(garbage, "の値を読み取れません（R-ID-03）");
        Has(blank, "data-rule=\"R-ID-03\" data-field=\"document.expiresOn\"");
        Has(blank, "「運転免許証」には有効期限があります");
        Has(issued, "data-rule=\"R-ID-01\" data-field=\"document.issuedOn\"");
        Has(issued, "「交付日」の値を読み取れません（R-ID-01）");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False(await db.PresentedDocuments.AnyAsync(d => d.ApplicationId == id));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == Web.Features.Issuance.RecordIdentityDocumentHandler.AuditAction));
    }

    [Fact]
    public async Task Start_WhenTheProcedureOrApplicantIsUnknownOrMissing_NamesTheFieldAndSavesNoApplication()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var residentId = await ResidentIdAsync(app, Taro);
        var path = $"/applications/new?resident={residentId}";

        var unknownProcedure = await PostStartAsync(client, path, ("Form.Procedure", "Garbage"), ("Form.Applicant", "InPerson"));
        var numericProcedure = await PostStartAsync(client, path, ("Form.Procedure", "0"), ("Form.Applicant", "InPerson"));
        var missingProcedure = await PostStartAsync(client, path, ("Form.Applicant", "InPerson"));
        var unknownApplicant = await PostStartAsync(client, path, ("Form.Procedure", "Renewal"), ("Form.Applicant", "Robot"));
        var missingApplicant = await PostStartAsync(client, path, ("Form.Procedure", "NewIssuance"));

        (unknownProcedure, numericProcedure, missingProcedure) = (Errors(unknownProcedure), Errors(numericProcedure), Errors(missingProcedure));
        (unknownApplicant, missingApplicant) = (Errors(unknownApplicant), Errors(missingApplicant));
        foreach (var html in new[] { unknownProcedure, numericProcedure, missingProcedure })
        {
            Has(html, "data-rule=\"R-X-03\" data-field=\"procedure\"");
            Has(html, "「手続き」を選択肢から選んでください（R-X-03）");
        }

        foreach (var html in new[] { unknownApplicant, missingApplicant })
        {
            Has(html, "data-rule=\"R-X-03\" data-field=\"applicant\"");
            Has(html, "「申請者」を選択肢から選んでください（R-X-03）");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False(await db.Applications.AnyAsync(a => a.ResidentId == residentId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == Web.Features.Issuance.StartApplicationHandler.AuditAction));
    }

    [Fact]
    [Trait("Rule", "R-ID-01")]
    public async Task AdminDocuments_WhenAcceptedIsNotABoolean_NamesTheRowAndFieldAndChangesNothing()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var page = await client.GetStringAsync(new Uri("/admin/documents", UriKind.Relative));
        var expected = WebUtility.HtmlDecode(ExpectedPattern().Match(page).Groups[1].Value);
        Assert.NotEmpty(expected);

        var (response, html) = await FormPoster.PostAsync(client, "/admin/documents", "save-documents", new Dictionary<string, string>
        {
            ["Documents.Expected"] = expected,
            ["Documents.Rows[0].Code"] = "passport",
            ["Documents.Rows[0].Accepted"] = "maybe",
            ["Documents.Rows[0].SortOrder"] = "10",
            ["Documents.Rows[1].Code"] = "driver-licence",
            ["Documents.Rows[1].Accepted"] = "true",
            ["Documents.Rows[1].SortOrder"] = "20",
            ["Documents.Rows[1].AddressCheck"] = "sure",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        html = WebUtility.HtmlDecode(html);
        Has(html, "id=\"admin-error\" data-field=\"documents.passport.accepted\"");
        Has(html, "「1行目（旅券（パスポート））の受付」の値を読み取れません（R-ID-01）");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var rows = await db.IdentityDocumentTypes.AsNoTracking().ToListAsync();
        Assert.Equal(expected, SaveIdentityDocumentsHandler.Describe(rows.Select(r => (r.Code, r.Accepted, r.SortOrder, r.AddressCheck))));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == SaveIdentityDocumentsHandler.AuditAction));
    }

    private static async Task<(Guid Id, string Path)> StartAsync(CounterAppFactory app, HttpClient client)
    {
        var residentId = await ResidentIdAsync(app, Taro);
        var (started, html) = await FormPoster.PostAsync(client, $"/applications/new?resident={residentId}", "start", new Dictionary<string, string>
        {
            ["Form.Procedure"] = "NewIssuance",
            ["Form.Applicant"] = "InPerson",
        });
        Assert.True(started.IsSuccessStatusCode, html);
        var path = started.RequestMessage!.RequestUri!.AbsolutePath;
        return (Guid.Parse(path["/applications/".Length..]), path);
    }

    private static async Task<string> PostStartAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var (response, html) = await FormPoster.PostAsync(client, path, "start", fields.ToDictionary(f => f.Name, f => f.Value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(path, response.RequestMessage!.RequestUri!.PathAndQuery);
        return html;
    }

    /// <summary>The document step's multipart form as a browser posts it, with a PNG scan and the dates as typed.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostDocumentAsync(HttpClient client, string path, string issuedOn, string expiresOn)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("document"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("driver-licence"), "Document.TypeCode" },
            { new StringContent(issuedOn), "Document.IssuedOn" },
            { new StringContent(expiresOn), "Document.ExpiresOn" },
            { new StringContent("true"), "Document.AddressMatches" },
        };
        var scan = new ByteArrayContent(IssuanceKit.Scan);
        scan.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(scan, "copy", "scan.png");
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void Has(string html, string expected) =>
        Assert.True(html.Contains(expected, StringComparison.Ordinal), $"Not found: {expected}\nIn: {html}");

    /// <summary>The page's error box (where the field and rule are named), its text decoded.</summary>
    private static string Errors(string html)
    {
        var box = ErrorsPattern().Match(html);
        Assert.True(box.Success, "No error box on the page: " + html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..]);
        return WebUtility.HtmlDecode(box.Value);
    }

    private static async Task<long> ResidentIdAsync(CounterAppFactory app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.Residents.Where(r => r.ResidentCode == code).Select(r => r.Id).SingleAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<div class=\"alert alert-error\"[^>]*id=\"issuance-errors\"[\\s\\S]*?</div>")]
    private static partial Regex ErrorsPattern();

    [GeneratedRegex("name=\"Documents.Expected\" value=\"([^\"]*)\"")]
    private static partial Regex ExpectedPattern();
}
