using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Approvals;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.Approvals;

/// <summary>R-HR-03 / R-ID-02: a refused step is set aside only by another supervisor's approved override, with a reason.</summary>
public sealed class OverrideRequestTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-HR-03")]
    public async Task Approve_WhenAnotherSupervisorApprovesTheClerksHoursRequest_LetsEligibilityPassAndRecordsTheOverride(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        kit.Clock.Now = OverrideKit.Evening;

        var refused = await kit.EligibilityAsync(id);
        Assert.Equal(IssuanceOutcome.Rejected, refused.Outcome);
        Assert.Contains(refused.BrokenRules, b => b.RuleId == "R-HR-01");
        Assert.Equal(ApplicationState.Received.ToString(), (await kit.ApplicationAsync(id)).State.ToString());

        var requested = await kit.RequestAsync(id);
        Assert.True(requested.Succeeded, requested.Message);
        var approved = await kit.DecideAsync(requested.RequestId!.Value, approve: true, IssuanceKit.Supervisor);
        Assert.True(approved.Succeeded, approved.Message);

        IssuanceKit.Require(await kit.EligibilityAsync(id));
        var row = await kit.RowAsync(requested.RequestId.Value);
        Assert.Equal((OverrideRequestState.Approved, IssuanceKit.Clerk, IssuanceKit.Supervisor, "入院前日のため特に認める"), (row.State, row.RequestedBy, row.DecidedBy, row.DecisionReason));
        Assert.Equal(OverrideKit.Evening.UtcDateTime, row.DecidedAt);
        var audit = await kit.AuditAsync();
        Assert.Contains(audit, a => a.Action == RequestOverrideHandler.AuditAction && a.Actor == IssuanceKit.Clerk);
        Assert.Contains(audit, a => a.Action == DecideOverrideHandler.ApprovedAction && a.Actor == IssuanceKit.Supervisor);
        var passed = audit.Last(a => a.Action == CheckEligibilityHandler.AuditAction);
        Assert.Equal("succeeded", passed.Outcome);
        Assert.Contains("R-HR-03:R-HR-01:supervisor", passed.Details, StringComparison.Ordinal);
        // The application's own history names the override next to the eligibility check it let pass.
        Assert.Contains((await kit.ApplicationAsync(id)).History, h => h.Note == "override R-HR-03 set aside R-HR-01, approved by supervisor: 入院前日のため特に認める");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-HR-03")]
    public async Task Decide_WhenTheDeciderIsAClerkOrTheRequestingSupervisor_IsRefusedAndOnlyAnotherSupervisorMayApprove(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await kit.AddSecondSupervisorAsync();
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        kit.Clock.Now = OverrideKit.Evening;
        Assert.Equal(IssuanceOutcome.Rejected, (await kit.EligibilityAsync(id)).Outcome);
        var requested = await kit.RequestAsync(id, by: IssuanceKit.Supervisor);
        Assert.True(requested.Succeeded, requested.Message);

        var byClerk = await kit.DecideAsync(requested.RequestId!.Value, approve: true, IssuanceKit.Clerk);
        var byRequester = await kit.DecideAsync(requested.RequestId.Value, approve: true, IssuanceKit.Supervisor);

        Assert.Equal(("R-HR-03", "supervisor"), (byClerk.Problem!.RuleId, byClerk.Problem.Field));
        Assert.Contains("係長", byClerk.Message, StringComparison.Ordinal);
        Assert.Equal(("R-HR-03", "supervisor"), (byRequester.Problem!.RuleId, byRequester.Problem.Field));
        Assert.Equal(OverrideRequestState.Pending, (await kit.RowAsync(requested.RequestId.Value)).State);
        Assert.Equal(IssuanceOutcome.Rejected, (await kit.EligibilityAsync(id)).Outcome);

        var byOther = await kit.DecideAsync(requested.RequestId.Value, approve: true, OverrideKit.SecondSupervisor);
        Assert.True(byOther.Succeeded, byOther.Message);
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        Assert.Equal(OverrideKit.SecondSupervisor, (await kit.RowAsync(requested.RequestId.Value)).DecidedBy);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-HR-03")]
    public async Task Reject_WhenTheReasonIsMissing_IsRefusedAndARejectedOverrideLetsNothingPass(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        kit.Clock.Now = OverrideKit.Evening;
        Assert.Equal(IssuanceOutcome.Rejected, (await kit.EligibilityAsync(id)).Outcome);
        var requested = await kit.RequestAsync(id);

        var noReason = await kit.DecideAsync(requested.RequestId!.Value, approve: false, IssuanceKit.Supervisor, reason: "  ");
        Assert.Equal("reason", noReason.Problem!.Field);
        Assert.Equal(OverrideRequestState.Pending, (await kit.RowAsync(requested.RequestId.Value)).State);

        var rejected = await kit.DecideAsync(requested.RequestId.Value, approve: false, IssuanceKit.Supervisor, reason: "翌開庁日に来庁可能");
        Assert.True(rejected.Succeeded, rejected.Message);
        var row = await kit.RowAsync(requested.RequestId.Value);
        Assert.Equal((OverrideRequestState.Rejected, IssuanceKit.Supervisor, "翌開庁日に来庁可能"), (row.State, row.DecidedBy, row.DecisionReason));
        Assert.Contains(await kit.AuditAsync(), a => a.Action == DecideOverrideHandler.RejectedAction && a.Actor == IssuanceKit.Supervisor);
        var again = await kit.EligibilityAsync(id);
        Assert.Equal(IssuanceOutcome.Rejected, again.Outcome);
        Assert.Contains(again.BrokenRules, b => b.RuleId == "R-HR-01");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-HR-03")]
    public async Task Request_WhenTheReasonOrRuleIsBadOrTheOverrideIsStillPending_IsRefusedAndEligibilityStillRefuses(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        kit.Clock.Now = OverrideKit.Evening;
        Assert.Equal(IssuanceOutcome.Rejected, (await kit.EligibilityAsync(id)).Outcome);

        var noReason = await kit.RequestAsync(id, reason: " ");
        var badRule = await kit.RequestAsync(id, ruleId: "R-EL-01");
        Assert.Equal(("R-HR-03", "reason"), (noReason.Problem!.RuleId, noReason.Problem.Field));
        Assert.Equal("ruleId", badRule.Problem!.Field);

        var requested = await kit.RequestAsync(id);
        Assert.True(requested.Succeeded, requested.Message);
        Assert.Equal("application", (await kit.RequestAsync(id)).Problem!.Field);
        var pending = await kit.EligibilityAsync(id);
        Assert.Equal(IssuanceOutcome.Rejected, pending.Outcome);
        Assert.Contains(pending.BrokenRules, b => b.RuleId == "R-HR-01");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-02")]
    public async Task Approve_WhenTheAddressOverrideIsApproved_LetsTheDocumentStepPassTheSameDay(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800002")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        Assert.NotEqual(IssuanceOutcome.Done, (await kit.DocumentAsync(id, addressMatches: false)).Outcome);

        var requested = await kit.RequestAsync(id, ruleId: "R-ID-02", reason: "転居届は本日受理済み、免許証の裏書き未了");
        Assert.True(requested.Succeeded, requested.Message);
        Assert.True((await kit.DecideAsync(requested.RequestId!.Value, approve: true, IssuanceKit.Supervisor, "転居届の受理を確認")).Succeeded);

        IssuanceKit.Require(await kit.DocumentAsync(id, addressMatches: false));
        Assert.Single((await kit.ApplicationAsync(id)).Documents);
        var recorded = (await kit.AuditAsync()).Last(a => a.Action == RecordIdentityDocumentHandler.AuditAction);
        Assert.Contains("R-ID-02:R-ID-02:supervisor", recorded.Details, StringComparison.Ordinal);

        // Identity verified at the seal step: the history names the address override the document check used.
        IssuanceKit.Require(await kit.SealAsync(id));
        var history = (await kit.ApplicationAsync(id)).History.OrderBy(h => h.Sequence).ToList();
        Assert.Equal(ApplicationState.IdentityVerified, history[^1].ToState);
        Assert.Equal("override R-ID-02, approved by supervisor: 転居届の受理を確認", history[^2].Note);
    }
}
