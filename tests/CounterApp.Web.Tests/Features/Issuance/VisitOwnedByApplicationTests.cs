using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>
/// Section 6 of issue 13 through the fee step: an application that reached "identity verified" on a visit that may not
/// issue (a caller skipped the visit rules) is still refused payment by the application itself, and the clerk reads
/// the rules; nothing is paid, no receipt number is used.
/// </summary>
public sealed class VisitOwnedByApplicationTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-03")]
    [Trait("Rule", "R-FE-02")]
    public async Task Fee_WhenAProxysFirstVisitWasMarkedVerified_IsRefusedByTheApplicationWithTheRules(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001", applicant: ApplicantKind.Proxy)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        await MarkVerifiedBehindTheVisitRulesAsync(kit, id);

        var result = await kit.FeeAsync(id);

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Equal(["R-VI-03", "R-FE-02"], result.BrokenRules.Select(b => b.RuleId));
        Assert.Contains("代理人", result.BrokenRules[0].Message, StringComparison.Ordinal);
        Assert.Contains("手数料", result.Message, StringComparison.Ordinal);
        await AssertNothingPaidAsync(kit, id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-FE-02")]
    public async Task Fee_WhenTheFirstVisitWasDecidedAsTwoVisitsAndMarkedVerified_IsRefusedByTheApplication(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800002")).ApplicationId!.Value; // no photo on the card
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        Assert.Equal(IssuanceOutcome.TwoVisits, (await kit.DocumentAsync(id, addressMatches: false)).Outcome);
        await MarkVerifiedBehindTheVisitRulesAsync(kit, id);

        var result = await kit.FeeAsync(id);

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Equal(["R-VI-02", "R-FE-02"], result.BrokenRules.Select(b => b.RuleId));
        await AssertNothingPaidAsync(kit, id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-01")]
    [Trait("Rule", "R-VI-02")]
    public async Task Fee_WhenAnAcceptedPhotoDocumentFollowedTheTwoVisitDecision_IsTakenTheSameDay(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800002")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        Assert.Equal(IssuanceOutcome.TwoVisits, (await kit.DocumentAsync(id, addressMatches: false)).Outcome);

        IssuanceKit.Require(await kit.DocumentAsync(id)); // the resident shows an accepted photo document after all
        IssuanceKit.Require(await kit.SealAsync(id));
        var result = await kit.FeeAsync(id);

        IssuanceKit.Require(result);
        var application = await kit.ApplicationAsync(id);
        Assert.Equal(ApplicationState.FeePaid, application.State);
        Assert.Contains(application.History, h => h.Note == "same-day R-VI-01");
    }

    /// <summary>What a caller that ignores the visit decision could do: identity verified straight from "received".</summary>
    private static async Task MarkVerifiedBehindTheVisitRulesAsync(IssuanceKit kit, Guid id)
    {
        await using var db = kit.NewContext();
        var loaded = await ApplicationMapper.LoadAsync(db, id);
        loaded!.Application.MarkIdentityVerified(kit.Clock.GetUtcNow(), IssuanceKit.Clerk);
        Assert.True((await ApplicationMapper.SaveAsync(db, loaded.Application, loaded.Record)).Succeeded);
    }

    private static async Task AssertNothingPaidAsync(IssuanceKit kit, Guid id)
    {
        var application = await kit.ApplicationAsync(id);
        Assert.Equal(ApplicationState.IdentityVerified, application.State);
        await using var db = kit.NewContext();
        Assert.False(await db.Receipts.AnyAsync(r => r.ApplicationId == id));
        Assert.Contains(await db.AuditEntries.ToListAsync(), a => a.Action == TakeFeeHandler.AuditAction && a.Outcome == "refused" && a.Details!.Contains("R-FE-02", StringComparison.Ordinal));
    }
}
