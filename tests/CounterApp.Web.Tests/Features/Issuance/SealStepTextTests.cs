using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>The seal step names the identity document on file from the reference data, never its code (issue 12 §6).</summary>
public sealed class SealStepTextTests
{
    [Fact]
    [Trait("Rule", "R-ID-01")]
    [Trait("Rule", "R-ID-05")]
    public async Task SealStep_WhenADriversLicenceIsOnFile_ShowsItsNameInJapaneseAndEnglishNotItsCode()
    {
        await using var app = new CounterAppFactory();
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var id = await AtSealStepAsync(app, "16322800006");

        var japanese = await clerk.GetStringAsync(new Uri($"/applications/{id}", UriKind.Relative));
        await clerk.GetAsync(new Uri($"/culture/en?redirect=/applications/{id}", UriKind.Relative));
        var english = await clerk.GetStringAsync(new Uri($"/applications/{id}", UriKind.Relative));

        Assert.Contains("id=\"step-seal\"", japanese, StringComparison.Ordinal);
        Assert.Contains("確認済みの本人確認書類: 運転免許証", ShownText.Of(japanese), StringComparison.Ordinal);
        Assert.DoesNotContain("driver-licence", ShownText.Of(japanese), StringComparison.Ordinal);
        Assert.Contains("Identity document on file: Driver's licence", ShownText.Of(english), StringComparison.Ordinal);
        Assert.DoesNotContain("driver-licence", ShownText.Of(english), StringComparison.Ordinal);
    }

    /// <summary>Start, eligibility and a driver's licence through the app's handlers: the application waits at the seal step.</summary>
    private static async Task<Guid> AtSealStepAsync(CounterAppFactory app, string residentCode)
    {
        async Task<IssuanceResult> Run<THandler>(Func<THandler, Task<IssuanceResult>> run)
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
            residentId = await db.Residents.Where(r => r.ResidentCode == residentCode).Select(r => r.Id).SingleAsync();
            officeId = await db.Offices.Where(o => o.Code == DemoTownSeeder.OfficeCode).Select(o => o.Id).SingleAsync();
        }

        var started = await Run<StartApplicationHandler>(h => h.HandleAsync(new StartApplication(residentId, Procedure.NewIssuance, ApplicantKind.InPerson, IssuanceKit.Clerk, officeId, null)));
        var id = started.ApplicationId!.Value;
        IssuanceKit.Require(await Run<CheckEligibilityHandler>(h => h.HandleAsync(new CheckEligibility(id, IssuanceKit.Clerk, null))));
        var today = new DateOnly(2026, 11, 24);
        IssuanceKit.Require(await Run<RecordIdentityDocumentHandler>(h => h.HandleAsync(new RecordIdentityDocument(
            id, "driver-licence", today.AddYears(-2), today.AddYears(1), true, "image/png", IssuanceKit.Scan, IssuanceKit.Clerk, null))));
        return id;
    }
}
