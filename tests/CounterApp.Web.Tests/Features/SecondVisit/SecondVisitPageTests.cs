using CounterApp.Domain.Applications;
using CounterApp.Domain.Letters;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.InquiryLetters;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.SecondVisit;

/// <summary>/applications/second-visit as rendered: who may open it, a bad reference, and an empty proxy checklist.</summary>
public sealed class SecondVisitPageTests
{
    [Fact]
    [Trait("Rule", "R-VI-04")]
    public async Task SecondVisit_WhenAClerkTypesAMistypedReference_NamesTheRuleAndShowsNoChecklist()
    {
        await using var app = new CounterAppFactory();
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        using var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);

        var start = await clerk.GetStringAsync(new Uri("/", UriKind.Relative));
        var empty = await clerk.GetStringAsync(new Uri("/applications/second-visit", UriKind.Relative));
        var mistyped = await clerk.GetStringAsync(new Uri("/applications/second-visit?reference=1234-5678-9012", UriKind.Relative));
        var denied = await admin.GetStringAsync(new Uri("/applications/second-visit", UriKind.Relative));

        Assert.Contains("href=\"/applications/second-visit\"", start, StringComparison.Ordinal);
        Assert.Contains("id=\"reference\"", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"issuance-errors\"", empty, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"R-VI-04\" data-field=\"letter.reference\"", mistyped, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"application-summary\"", mistyped, StringComparison.Ordinal);
        Assert.Contains("id=\"access-denied\"", denied, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"find-form\"", denied, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-PX-02")]
    public async Task SecondVisit_WhenAProxysChecklistIsPostedEmpty_ListsEveryMissingItemAndStaysOnThePage()
    {
        await using var app = new CounterAppFactory();
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var reference = await MailedProxyLetterAsync(app);
        var path = $"/applications/second-visit?reference={reference}&who=Proxy";

        var page = await clerk.GetStringAsync(new Uri(path, UriKind.Relative));
        var (response, html) = await FormPoster.PostAsync(clerk, path, "second-visit", new Dictionary<string, string>());

        Assert.Contains("id=\"application-summary\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"seal-certificate-issued\"", page, StringComparison.Ordinal);
        Assert.True(response.IsSuccessStatusCode, html);
        foreach (var field in new[] { "answerSheet", "residentCard", "powerOfAttorney", "sealCertificate", "proxy.document" })
        {
            Assert.Contains($"data-rule=\"R-PX-02\" data-field=\"{field}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"checklist-form\"", html, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.Equal(LetterStatus.Mailed, (await db.InquiryLetters.SingleAsync(l => l.Reference == reference)).Status);
    }

    /// <summary>A proxy's first visit for 上市 太郎 through the app's own handlers: letter prepared and mailed.</summary>
    private static async Task<string> MailedProxyLetterAsync(CounterAppFactory app)
    {
        async Task<T> Run<THandler, T>(Func<THandler, Task<T>> run)
            where THandler : notnull
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await run(scope.ServiceProvider.GetRequiredService<THandler>());
        }

        long residentId;
        int officeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            residentId = await db.Residents.Where(r => r.ResidentCode == SecondVisitKit.PhotoCard).Select(r => r.Id).SingleAsync();
            officeId = await db.Offices.Select(o => o.Id).FirstAsync();
        }

        var started = await Run<StartApplicationHandler, IssuanceResult>(h => h.HandleAsync(
            new StartApplication(residentId, Procedure.NewIssuance, ApplicantKind.Proxy, IssuanceKit.Clerk, officeId, null)));
        var id = started.ApplicationId!.Value;
        IssuanceKit.Require(await Run<CheckEligibilityHandler, IssuanceResult>(h => h.HandleAsync(new CheckEligibility(id, IssuanceKit.Clerk, null))));
        var today = new DateOnly(2026, 11, 24);
        Assert.Equal(IssuanceOutcome.TwoVisits, (await Run<RecordIdentityDocumentHandler, IssuanceResult>(h => h.HandleAsync(new RecordIdentityDocument(
            id, "driver-licence", today.AddYears(-2), today.AddYears(1), true, "image/png", IssuanceKit.Scan, IssuanceKit.Clerk, null)))).Outcome);
        var prepared = await Run<PrepareInquiryLetterHandler, LetterResult>(h => h.HandleAsync(new PrepareInquiryLetter(id, IssuanceKit.Clerk, null)));
        Assert.True(prepared.Succeeded, prepared.Message);
        long letterId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            letterId = await db.InquiryLetters.Where(l => l.ApplicationId == id).Select(l => l.Id).SingleAsync();
        }

        var mailed = await Run<MarkLettersMailedHandler, LetterResult>(h => h.HandleAsync(new MarkLettersMailed([letterId], IssuanceKit.Clerk, null)));
        Assert.True(mailed.Succeeded, mailed.Message);
        return prepared.References[0];
    }
}
