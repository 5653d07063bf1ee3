using System.Net;
using CounterApp.Domain.Certificates;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Revocation;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Revocation;

/// <summary>The revocation page's steps as a browser without JavaScript posts them, and who may open the page and the form.</summary>
public sealed class RevocationPageTests
{
    /// <summary>弓庄 恵子 and her demo certificate.</summary>
    private const string Keiko = "16322800007";

    private const string KeikoSerial = "3A0F1C55D2E4B6A8";

    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    [Trait("Rule", "R-X-03")]
    [Trait("Rule", "R-RV-01")]
    public async Task Choose_WhenNoKindIsChosen_NamesTheProcedureWithFocusAndStaysOnTheFirstStep()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var path = $"/residents/{await ResidentIdAsync(app, Keiko)}/revoke";

        var (_, html) = await FormPoster.PostAsync(client, path, "choose", new Dictionary<string, string>
        {
            ["Choice.Serial"] = KeikoSerial,
            ["Choice.Applicant"] = "InPerson",
        });

        Assert.Contains("id=\"revocation-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("autofocus", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"procedure\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"step-choose\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-RV-01")]
    [Trait("Rule", "R-ID-04")]
    public async Task Confirm_WhenAProxyComesAndNoCopyIsAttached_ShowsThePowerOfAttorneyThenNamesTheCopyAndRevokesNothing()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var path = $"/residents/{await ResidentIdAsync(app, Keiko)}/revoke";

        var (_, confirm) = await FormPoster.PostAsync(client, path, "choose", new Dictionary<string, string>
        {
            ["Choice.Serial"] = KeikoSerial,
            ["Choice.Procedure"] = "CompromiseNotice",
            ["Choice.Applicant"] = "Proxy",
        });
        var (_, refused) = await FormPoster.PostAsync(client, path, "revoke", new Dictionary<string, string>
        {
            ["Confirm.Serial"] = KeikoSerial,
            ["Confirm.Procedure"] = "CompromiseNotice",
            ["Confirm.Applicant"] = "Proxy",
            ["Confirm.TypeCode"] = "driver-licence",
            ["Confirm.ExpiresOn"] = "2029-01-01",
            ["Confirm.PowerOfAttorneySigned"] = "true",
            ["Confirm.PowerOfAttorneySealed"] = "true",
        });

        Assert.Contains("id=\"step-confirm\"", confirm, StringComparison.Ordinal);
        Assert.Contains("id=\"power-of-attorney\"", confirm, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"keyCompromise\">鍵の危殆化（秘密鍵の漏えい等）</dd>", confirm, StringComparison.Ordinal);
        Assert.Contains("<label for=\"document-copy\"", confirm, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"R-ID-04\" data-field=\"document.copy\"", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"step-confirm\"", refused, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.Equal(CertificateStatus.Active, (await TestRegister.RowAsync(db, KeikoSerial)).Status);
        Assert.False(await db.Applications.AnyAsync(a => a.Procedure == Domain.Applications.Procedure.CompromiseNotice));
    }

    [Fact]
    public async Task PageAndForm_WhenAnonymousOrAdministrator_AreRefusedAndNothingIsPrinted()
    {
        await using var app = new CounterAppFactory();
        var path = $"/residents/{await ResidentIdAsync(app, Keiko)}/revoke";
        var form = new Uri($"/revocations/{Guid.NewGuid()}/form.pdf", UriKind.Relative);
        using var anonymous = app.CreateClient(NoRedirects);
        using var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);

        var adminPage = await admin.GetAsync(new Uri(path, UriKind.Relative));
        admin.DefaultRequestHeaders.Accept.Clear();
        var adminForm = await admin.GetAsync(form);
        var anonymousForm = await anonymous.GetAsync(form);
        var clerkForm = await clerk.GetAsync(form);

        Assert.DoesNotContain("id=\"step-choose\"", await adminPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, adminForm.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, clerkForm.StatusCode);
        Assert.Contains("id=\"step-choose\"", await clerk.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == RevocationFormPrintHandler.AuditAction));
    }

    private static async Task<long> ResidentIdAsync(CounterAppFactory app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.Residents.Where(r => r.ResidentCode == code).Select(r => r.Id).SingleAsync();
    }
}
