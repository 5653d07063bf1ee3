using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>R-CE-08 through the real app: the start form posted ten times at once (double clicks, second tabs) lands on one application.</summary>
[Trait("Rule", "R-CE-08")]
public sealed class OneOpenApplicationPageTests
{
    [Fact]
    public async Task Start_WhenTenFormPostsRace_LandOnOneApplicationAndTheClerkIsToldItWasOpened()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        long residentId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            residentId = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Residents.Where(r => r.ResidentCode == "16322800001").Select(r => r.Id).SingleAsync();
        }

        var posts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => FormPoster.PostAsync(client, $"/applications/new?resident={residentId}", "start", new Dictionary<string, string>
        {
            ["Form.Procedure"] = "NewIssuance",
            ["Form.Applicant"] = "InPerson",
        })));

        Assert.All(posts, p => Assert.True(p.Response.IsSuccessStatusCode, p.Html));
        var landed = posts.Select(p => p.Response.RequestMessage!.RequestUri!).ToList();
        Assert.Single(landed.Select(u => u.AbsolutePath).Distinct());
        Assert.StartsWith("/applications/", landed[0].AbsolutePath, StringComparison.Ordinal);
        var opened = posts.Where(p => p.Response.RequestMessage!.RequestUri!.Query == "?opened=existing").ToList();
        Assert.Equal(9, opened.Count);
        Assert.All(opened, p => Assert.Contains("id=\"opened-existing\" data-rule=\"R-CE-08\"", p.Html, StringComparison.Ordinal));
        Assert.All(posts, p => Assert.Contains("id=\"step-eligibility\"", p.Html, StringComparison.Ordinal));
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<CounterDbContext>().Applications.CountAsync(a => a.ResidentId == residentId));
    }
}
