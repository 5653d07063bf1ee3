using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>The 申請書 (電子証明書新規発行・更新申請書) printed from the application page, for counter staff only.</summary>
public sealed class ApplicationFormPrintTests
{
    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task FormPdf_WhenAClerkPrintsFromTheApplicationPage_ServesTheFilledFormAndAuditsIt()
    {
        await using var app = new CounterAppFactory();
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var id = await StartAsync(app, clerk, "Proxy");

        var page = await clerk.GetStringAsync(new Uri($"/applications/{id}", UriKind.Relative));
        Assert.Contains($"href=\"/applications/{id}/form.pdf\" id=\"application-form-pdf\"", page, StringComparison.Ordinal);
        var response = await clerk.GetAsync(new Uri(ApplicationFormEndpoint.Url(id), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains("電子証明書新規発行・更新申請書", text, StringComparison.Ordinal);
        Assert.Contains("上市", text, StringComparison.Ordinal);
        Assert.Contains("太郎", text, StringComparison.Ordinal);
        Assert.Contains(id.ToString()[..8].ToUpperInvariant(), text, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var audited = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == ApplicationFormPrintHandler.AuditAction);
        Assert.Equal(("clerk", "16322800001", "2"), (audited.Actor, audited.ResidentCode, audited.Counter));
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task FormPdf_WhenNotCounterStaffOrNoSuchApplication_IsRefusedAndNothingPrinted()
    {
        await using var app = new CounterAppFactory();
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var id = await StartAsync(app, clerk, "InPerson");
        using var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        admin.DefaultRequestHeaders.Accept.Clear();
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var byAdmin = await admin.GetAsync(new Uri(ApplicationFormEndpoint.Url(id), UriKind.Relative));
        var byNobody = await anonymous.GetAsync(new Uri(ApplicationFormEndpoint.Url(id), UriKind.Relative));
        var unknown = await clerk.GetAsync(new Uri(ApplicationFormEndpoint.Url(Guid.NewGuid()), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, byNobody.StatusCode);
        Assert.NotEqual("application/pdf", byNobody.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == ApplicationFormPrintHandler.AuditAction));
    }

    private static async Task<Guid> StartAsync(CounterAppFactory app, HttpClient client, string applicant)
    {
        long residentId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            residentId = await db.Residents.Where(r => r.ResidentCode == "16322800001").Select(r => r.Id).SingleAsync();
        }

        var (started, html) = await FormPoster.PostAsync(client, $"/applications/new?resident={residentId}", "start", new Dictionary<string, string>
        {
            ["Form.Procedure"] = "NewIssuance",
            ["Form.Applicant"] = applicant,
        });
        Assert.True(started.IsSuccessStatusCode, html);
        return Guid.Parse(started.RequestMessage!.RequestUri!.AbsolutePath["/applications/".Length..]);
    }
}
