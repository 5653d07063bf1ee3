using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.CancelApplication;

/// <summary>The withdrawal form (static SSR): offered on the application and resident pages, bad input named, a standing fee refused.</summary>
public sealed class CancelApplicationPageTests
{
    private const string Reason = "本人が旅券を持って再来庁したため";

    [Fact]
    [Trait("Rule", "R-X-03")]
    [Trait("Rule", "R-X-01")]
    public async Task CancelForm_WhenPostedWithoutThenWithAReason_NamesTheFieldThenClosesTheApplicationShowingTheReason()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var (id, residentId) = await StartAsync(app);
        var applicationPage = await client.GetStringAsync(new Uri($"/applications/{id}", UriKind.Relative));
        var residentPage = await client.GetStringAsync(new Uri($"/residents/{residentId}", UriKind.Relative));
        var path = $"/applications/{id}/cancel";

        var (_, empty) = await FormPoster.PostAsync(client, path, "cancel", new Dictionary<string, string> { ["Form.Reason"] = " ", ["Form.Confirmed"] = "true" });
        var (_, unconfirmed) = await FormPoster.PostAsync(client, path, "cancel", new Dictionary<string, string> { ["Form.Reason"] = Reason });
        Assert.Equal(ApplicationState.Received, await StateAsync(app, id));
        var (done, closed) = await FormPoster.PostAsync(client, path, "cancel", new Dictionary<string, string> { ["Form.Reason"] = Reason, ["Form.Confirmed"] = "true" });

        Assert.Contains($"href=\"/applications/{id}/cancel\"", applicationPage, StringComparison.Ordinal);
        Assert.Contains("id=\"cancel-link\"", applicationPage, StringComparison.Ordinal);
        Assert.Contains($"data-cancel=\"{id}\"", residentPage, StringComparison.Ordinal);
        Assert.Contains("id=\"issuance-errors\"", empty, StringComparison.Ordinal);
        Assert.Contains("data-field=\"reason\"", empty, StringComparison.Ordinal);
        Assert.Contains("取下げの理由", empty, StringComparison.Ordinal);
        Assert.Contains("data-field=\"confirmed\"", unconfirmed, StringComparison.Ordinal);
        Assert.Equal($"/applications/{id}", done.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"step-closed\"", closed, StringComparison.Ordinal);
        Assert.Contains("id=\"cancelled-note\"", closed, StringComparison.Ordinal);
        Assert.Contains(Reason, closed, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cancel-link\"", closed, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Cancelled, await StateAsync(app, id));
        var again = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("id=\"cancel-closed\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cancel-form\"", again, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-FE-03")]
    public async Task CancelPage_WhenTheFeeWasPaid_RefusesAndLinksToTheVoidInsteadOfAForm()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);
        var (id, _) = await StartAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            Require(await services.GetRequiredService<CheckEligibilityHandler>().HandleAsync(new CheckEligibility(id, IssuanceKit.Clerk, null)));
            Require(await services.GetRequiredService<RecordIdentityDocumentHandler>().HandleAsync(new RecordIdentityDocument(
                id, "resident-card-photo", new DateOnly(2024, 1, 1), new DateOnly(2030, 1, 1), true, "image/png", IssuanceKit.Scan, IssuanceKit.Clerk, null)));
            Require(await services.GetRequiredService<ConfirmSealHandler>().HandleAsync(new ConfirmSeal(id, true, IssuanceKit.Clerk, null)));
            Require(await services.GetRequiredService<TakeFeeHandler>().HandleAsync(new TakeFee(id, IssuanceKit.Clerk, null)));
        }

        var page = await client.GetStringAsync(new Uri($"/applications/{id}/cancel", UriKind.Relative));
        var applicationPage = await client.GetStringAsync(new Uri($"/applications/{id}", UriKind.Relative));

        Assert.Contains("id=\"cancel-refused\"", page, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"R-FE-03\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{id}#step-card\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cancel-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cancel-link\"", applicationPage, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.FeePaid, await StateAsync(app, id));
    }

    private static void Require(IssuanceResult result) => IssuanceKit.Require(result);

    private static async Task<(Guid Id, long ResidentId)> StartAsync(CounterAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var residentId = await db.Residents.Where(r => r.ResidentCode == "16322800001").Select(r => r.Id).SingleAsync();
        var officeId = await db.Offices.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var started = await scope.ServiceProvider.GetRequiredService<StartApplicationHandler>().HandleAsync(
            new StartApplication(residentId, Procedure.NewIssuance, ApplicantKind.InPerson, IssuanceKit.Clerk, officeId, null));
        Require(started);
        return (started.ApplicationId!.Value, residentId);
    }

    private static async Task<ApplicationState> StateAsync(CounterAppFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.State).SingleAsync();
    }
}
