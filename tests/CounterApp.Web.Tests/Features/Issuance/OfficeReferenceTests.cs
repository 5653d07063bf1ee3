using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>
/// The eligibility check judges the office of the counter the clerk sits at, not the municipality's first office:
/// its ward (R-EL-05) and its own counter hours (R-HR-01).
/// </summary>
public sealed class OfficeReferenceTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-EL-05")]
    public async Task Eligibility_WhenTheCounterIsAtAnotherWardsOffice_IsRefusedThereAndPassesAtTheMainOffice(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var wardCounter = await AddOfficeAsync(kit, "kita-ward", "北区役所", "北区", (new TimeOnly(8, 30), new TimeOnly(16, 30)));

        var first = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        var atTheWard = await EligibilityAtAsync(kit, first, wardCounter);
        var second = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        var atTheMainOffice = await kit.EligibilityAsync(second);

        Assert.Equal(IssuanceOutcome.Refused, atTheWard.Outcome);
        var broken = Assert.Single(atTheWard.BrokenRules);
        Assert.Equal(("R-EL-05", "office"), (broken.RuleId, broken.Field));
        Assert.Contains("北区役所", broken.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Refused, (await kit.ApplicationAsync(first)).State);
        IssuanceKit.Require(atTheMainOffice);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-HR-01")]
    public async Task Eligibility_WhenTheCountersOfficeOpensOnlyInTheAfternoon_HoldsAt10AndPassesAtTheMainOffice(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var branchCounter = await AddOfficeAsync(kit, "branch", "東部支所", null, (new TimeOnly(13, 0), new TimeOnly(16, 30)));
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;

        var atTheBranch = await EligibilityAtAsync(kit, id, branchCounter); // the kit's clock: Tuesday 10:00
        var atTheMainOffice = await kit.EligibilityAsync(id);

        Assert.Equal(IssuanceOutcome.Rejected, atTheBranch.Outcome);
        Assert.Contains(atTheBranch.BrokenRules, b => b.RuleId == "R-HR-01");
        Assert.Equal(ApplicationState.Received, (await kit.ApplicationAsync(id)).State);
        IssuanceKit.Require(atTheMainOffice);
    }

    private static Task<IssuanceResult> EligibilityAtAsync(IssuanceKit kit, Guid id, int counterId) =>
        kit.WithAsync<CheckEligibilityHandler, IssuanceResult>(h => h.HandleAsync(new CheckEligibility(id, IssuanceKit.Clerk, counterId)));

    /// <summary>A second office of the same municipality with one counter and its own hours; returns the counter's ID.</summary>
    private static async Task<int> AddOfficeAsync(IssuanceKit kit, string code, string name, string? ward, (TimeOnly Start, TimeOnly End) hours)
    {
        await using var db = kit.NewContext();
        var main = await db.Offices.SingleAsync(o => o.Id == kit.OfficeId);
        var office = new Office
        {
            Code = code,
            Name = name,
            Ward = ward,
            MunicipalityCode = main.MunicipalityCode,
            MunicipalityName = main.MunicipalityName,
            PrefectureName = main.PrefectureName,
            Sessions = [new OfficeSession { Start = hours.Start, End = hours.End }],
            Counters = [new Counter { Number = 1, Name = "1番窓口" }],
        };
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        return office.Counters[0].Id;
    }
}
