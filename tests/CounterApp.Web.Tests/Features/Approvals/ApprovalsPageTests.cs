using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Approvals;

/// <summary>The request page a clerk opens from a refused step, and the supervisor's approvals queue.</summary>
public sealed class ApprovalsPageTests
{
    [Fact]
    [Trait("Rule", "R-HR-03")]
    public async Task Queue_WhenAClerkRequestsAndASupervisorApproves_ShowsTheRequestThenRecordsTheDecisionOnTheApplication()
    {
        await using var app = new CounterAppFactory();
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var residentId = await ResidentIdAsync(app, "16322800001");
        var (started, _) = await FormPoster.PostAsync(clerk, $"/applications/new?resident={residentId}&procedure=NewIssuance", "start", new Dictionary<string, string>
        {
            ["Form.Procedure"] = "NewIssuance",
            ["Form.Applicant"] = "InPerson",
        });
        var path = started.RequestMessage!.RequestUri!.AbsolutePath;

        var (_, noReason) = await FormPoster.PostAsync(clerk, path + "/override/R-HR-03", "request-override", new Dictionary<string, string> { ["Form.Reason"] = " " });
        Assert.Contains("id=\"override-error\"", noReason, StringComparison.Ordinal);
        var (_, requested) = await FormPoster.PostAsync(clerk, path + "/override/R-HR-03", "request-override", new Dictionary<string, string> { ["Form.Reason"] = "明日から入院" });
        Assert.Contains("id=\"override-requested\"", requested, StringComparison.Ordinal);

        var clerkQueue = await clerk.GetAsync(new Uri("/supervisor/approvals", UriKind.Relative));
        Assert.DoesNotContain("id=\"pending-overrides\"", await clerkQueue.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var supervisor = await StaffSignIn.SignInAsync(app, StaffRoles.Supervisor);
        var queue = await supervisor.GetStringAsync(new Uri("/supervisor/approvals", UriKind.Relative));
        Assert.Contains("id=\"pending-overrides\"", queue, StringComparison.Ordinal);
        Assert.Contains("明日から入院", queue, StringComparison.Ordinal);
        Assert.Contains("href=\"/supervisor/voids\"", queue, StringComparison.Ordinal);
        var requestId = System.Text.RegularExpressions.Regex.Match(queue, "<tr data-request=\"(\\d+)\"").Groups[1].Value;

        var (_, decided) = await FormPoster.PostAsync(supervisor, "/supervisor/approvals", "decide-override", new Dictionary<string, string>
        {
            ["Form.RequestId"] = requestId,
            ["Form.Approve"] = "true",
            ["Form.Reason"] = "入院前日のため",
        });
        Assert.Contains("id=\"approval-done\"", decided, StringComparison.Ordinal);
        Assert.Contains("id=\"no-pending-overrides\"", decided, StringComparison.Ordinal);
        var application = await clerk.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("data-state=\"Approved\"", application, StringComparison.Ordinal);
        Assert.Contains("入院前日のため", application, StringComparison.Ordinal);
    }

    private static async Task<long> ResidentIdAsync(CounterAppFactory app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterApp.Web.Data.CounterDbContext>();
        return await db.Residents.Where(r => r.ResidentCode == code).Select(r => r.Id).SingleAsync();
    }
}
