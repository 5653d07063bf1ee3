using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.RulesDemo;

/// <summary>The rules demo page over HTTP, as a browser without JavaScript submits it.</summary>
public sealed class RulesDemoPageTests(CounterAppFactory factory) : IClassFixture<CounterAppFactory>
{
    private static Dictionary<string, string> Visit(string residentCode, string procedure = "NewIssuance", string applicant = "InPerson", string at = "2026-11-24T10:00") => new()
    {
        ["Form.ResidentCode"] = residentCode,
        ["Form.Procedure"] = procedure,
        ["Form.Applicant"] = applicant,
        ["Form.At"] = at,
        ["Form.DocumentAddressMatches"] = "true",
    };

    [Fact]
    public async Task Home_WhenOpened_ShowsJapaneseFormWithDemoResidents()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var html = await client.GetStringAsync(new Uri("/rules", UriKind.Relative));

        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("受付判定", html, StringComparison.Ordinal);
        Assert.Contains("カミイチ", html, StringComparison.Ordinal);
        Assert.Contains("立山", html, StringComparison.Ordinal);
        // The clock is fixed; the form defaults to that moment in Tokyo.
        Assert.Contains("value=\"2026-11-24T10:00:00\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-VI-01")]
    public async Task Check_WhenPhotoCardInPersonDuringHours_AcceptsSameDayWithFeeAndValidity()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var (response, html) = await FormPoster.PostAsync(client, "/rules", "rules-check", Visit("16322800001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("受付できます。", html, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"R-VI-01\"", html, StringComparison.Ordinal);
        Assert.Contains("電子証明書発行手数料 500円", html, StringComparison.Ordinal);
        // R-CE-03: three years by the Civil Code from 2026-11-24.
        Assert.Contains("令和8年(2026年)11月24日 ～ 令和11年(2029年)11月24日", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-EL-06")]
    public async Task Check_WhenTheAdministratorSetALastAcceptanceMoment_RefusesAfterItWithTheDate()
    {
        await using var app = new CounterAppFactory(); // its own app: the setting must not reach the other tests
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            db.Settings.Add(new Setting { Key = AdminSettings.LastAcceptancePrefix + "NewIssuance", Value = "2026-11-20T17:00" });
            await db.SaveChangesAsync();
        }

        using var client = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        var (_, html) = await FormPoster.PostAsync(client, "/rules", "rules-check", Visit("16322800001"));

        Assert.Contains("data-rule=\"R-EL-06\"", html, StringComparison.Ordinal);
        Assert.Contains("令和8年11月20日", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-EL-03")]
    public async Task Check_WhenResidentUnderFifteen_RefusesWithSpecialProcedure()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var (_, html) = await FormPoster.PostAsync(client, "/rules", "rules-check", Visit("16322800003"));

        Assert.Contains("data-rule=\"R-EL-03\"", html, StringComparison.Ordinal);
        Assert.Contains("係長に相談", html, StringComparison.Ordinal);
        Assert.Contains("14歳", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-VI-03")]
    public async Task Check_WhenProxyWithoutOwnDocument_ShowsTwoVisitsAndTheMissingDocument()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var (_, html) = await FormPoster.PostAsync(client, "/rules", "rules-check", Visit("16322800001", applicant: "Proxy"));

        Assert.Contains("id=\"visit-plan\" data-rule=\"R-VI-03\"", html, StringComparison.Ordinal);
        Assert.Contains("<li data-rule=\"R-VI-03\">", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    [Trait("Rule", "R-HR-02")]
    [Trait("Rule", "R-HR-03")]
    public async Task Check_WhenHolidayEvening_ShowsBothHourRulesAndNextOpening()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        // 2026-11-23 is 勤労感謝の日 (Monday); the next opening is Tuesday 8:30.
        var (_, html) = await FormPoster.PostAsync(client, "/rules", "rules-check", Visit("16322800001", at: "2026-11-23T20:00"));

        Assert.Contains("<li data-rule=\"R-HR-01\">", html, StringComparison.Ordinal);
        Assert.Contains("<li data-rule=\"R-HR-02\">", html, StringComparison.Ordinal);
        Assert.Contains("勤労感謝の日", html, StringComparison.Ordinal);
        Assert.Contains("令和8年(2026年)11月24日 8:30", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public async Task Check_WhenSupervisorGivesReason_AcceptsOutsideHoursAndShowsTheOverride()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var fields = Visit("16322800001", at: "2026-11-24T17:10");
        fields["Form.SupervisorOverrideReason"] = "来庁者が閉庁直前に到着したため";
        var (_, html) = await FormPoster.PostAsync(client, "/rules", "rules-check", fields);

        Assert.Contains("受付できます。", html, StringComparison.Ordinal);
        Assert.Contains("id=\"overrides\"", html, StringComparison.Ordinal);
        Assert.Contains("来庁者が閉庁直前に到着したため", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task Check_WhenDateOutsideCalendar_NamesTheFieldWithoutError500()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var (response, html) = await FormPoster.PostAsync(client, "/rules", "rules-check", Visit("16322800001", at: "2051-01-05T10:00"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"input-error\"", html, StringComparison.Ordinal);
        Assert.Contains("「受付日時」", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"result\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task Check_WhenUnknownResident_NamesTheField()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        var (_, html) = await FormPoster.PostAsync(client, "/rules", "rules-check", Visit("99999999999"));

        Assert.Contains("「申請者（住民）」", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WhenPostedWithoutAntiforgeryToken_IsRejectedWithout500()
    {
        using var client = await StaffSignIn.SignInAsync(factory, StaffRoles.Clerk);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(Visit("16322800001")) { ["_handler"] = "rules-check" });
        var response = await client.PostAsync(new Uri("/rules", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
