using System.Net;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.CardServices;

/// <summary>The static-SSR card services pages: the choice (proxy refused), the service pages' labels and bad input, roles.</summary>
public sealed partial class CardServicePageTests
{
    [Fact]
    [Trait("Rule", "R-PX-03")]
    public async Task Choice_WhenAProxyIsChosen_IsRefusedWithFocusAndInPersonGoesOn()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var residentId = await ResidentIdAsync(app, "16322800001");
        var path = $"/residents/{residentId}/card-services";

        var (_, refused) = await FormPoster.PostAsync(client, path, "choose-card-service", new Dictionary<string, string>
        {
            ["Form.Procedure"] = "PasswordChange",
            ["Form.Applicant"] = "Proxy",
        });
        var (went, next) = await FormPoster.PostAsync(client, path, "choose-card-service", new Dictionary<string, string>
        {
            ["Form.Procedure"] = "CardPinReset",
            ["Form.Applicant"] = "InPerson",
        });

        Assert.Contains("data-rule=\"R-PX-03\"", refused, StringComparison.Ordinal);
        Assert.Contains("data-field=\"applicant\"", refused, StringComparison.Ordinal);
        Assert.Matches("id=\"card-service-errors\"[^>]*autofocus", refused);
        Assert.Equal($"/residents/{residentId}/card-services/pin", went.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"new-card-pin-confirmation\"", next, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.Equal(["refused", "succeeded"], await db.AuditEntries.AsNoTracking().Where(a => a.Action == "card-service.chosen").OrderBy(a => a.Id).Select(a => a.Outcome).ToListAsync());
    }

    [Theory]
    [InlineData("unlock")]
    [InlineData("password")]
    [InlineData("pin")]
    [Trait("Rule", "R-X-02")]
    public async Task ServicePage_WhenOpened_EveryInputIsLabelledAndSecretsAreMasked(string service)
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var residentId = await ResidentIdAsync(app, "16322800001");

        var html = await client.GetStringAsync(new Uri($"/residents/{residentId}/card-services/{service}", UriKind.Relative));

        var ids = InputIds().Matches(html).Select(m => m.Groups["id"].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains($"for=\"{id}\"", html, StringComparison.Ordinal));
        Assert.Contains("id=\"resident-entry\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"simulated-reader\"", html, StringComparison.Ordinal);
        foreach (var secret in new[] { "new-password", "new-password-confirmation", "current-password", "new-card-pin", "new-card-pin-confirmation" })
        {
            if (html.Contains($"id=\"{secret}\"", StringComparison.Ordinal))
            {
                Assert.Matches($"type=\"password\"[^>]*id=\"{secret}\"", html);
            }
        }
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    [Trait("Rule", "R-X-02")]
    public async Task ServicePage_WhenTheNewPasswordsDiffer_NamesTheFieldAndNeverEchoesThem()
    {
        await using var app = new CounterAppFactory();
        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var residentId = await ResidentIdAsync(app, "16322800001");

        var (response, html) = await FormPoster.PostAsync(client, $"/residents/{residentId}/card-services/unlock", "card-service", new Dictionary<string, string>
        {
            ["Form.TypeCode"] = "driver-licence",
            ["newPassword"] = "SECRET12",
            ["newPasswordConfirmation"] = "SECRET13",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-field=\"newPasswordConfirmation\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET12", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET13", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServicePage_WhenAnAdministratorOpensIt_IsDenied()
    {
        await using var app = new CounterAppFactory();
        using var admin = await StaffSignIn.SignInAsync(app, StaffRoles.Administrator);
        var residentId = await ResidentIdAsync(app, "16322800001");

        var response = await admin.GetAsync(new Uri($"/residents/{residentId}/card-services/unlock", UriKind.Relative));

        Assert.DoesNotContain("id=\"card-service-form\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden || response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/denied", StringComparison.Ordinal),
            $"{response.StatusCode} {response.RequestMessage?.RequestUri}");
    }

    private static async Task<long> ResidentIdAsync(CounterAppFactory app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        return await db.Residents.AsNoTracking().Where(r => r.ResidentCode == code).Select(r => r.Id).SingleAsync();
    }

    [GeneratedRegex("<(?:input|select)(?![^>]*type=\"hidden\")[^>]*\\sid=\"(?<id>[^\"]+)\"")]
    private static partial Regex InputIds();
}
