using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Tests.Rules;

/// <summary>A refused step returns every broken rule, never just the first (R-X-03), and keeps the overrides it used (R-HR-03, R-ID-02).</summary>
[Trait("Rule", "R-X-03")]
public sealed class DecisionTests
{
    [Fact]
    public void Check_WhenSeveralRulesAreBroken_KeepsEveryOneInOrder()
    {
        var decision = Decision.Check(
        [
            new FakeRule("R-EL-01", broken: true, "resident.registerStatus"),
            new FakeRule("R-EL-02", broken: false),
            new FakeRule("R-EL-03", broken: true, "resident.birthDate"),
            new FakeRule("R-HR-01", broken: true, "visit.at"),
        ]);

        Assert.False(decision.IsAllowed);
        Assert.Equal(
            [
                new BrokenRule("R-EL-01", "resident.registerStatus", "R-EL-01 is broken"),
                new BrokenRule("R-EL-03", "resident.birthDate", "R-EL-03 is broken"),
                new BrokenRule("R-HR-01", "visit.at", "R-HR-01 is broken"),
            ],
            decision.BrokenRules);
        Assert.Empty(decision.Overrides);
    }

    [Fact]
    public void Check_WhenOneRuleBreaksTwiceOnDifferentFields_KeepsBoth()
    {
        var decision = Decision.Check([new FakeRule("R-PX-02", true, "answerSheet"), new FakeRule("R-PX-02", true, "powerOfAttorney")]);

        Assert.Equal(["answerSheet", "powerOfAttorney"], decision.BrokenRules.Select(b => b.Field));
    }

    [Fact]
    public void Check_WhenNothingIsBroken_IsAllowedAndNeverAsksForAMessage()
    {
        var rules = new[] { new FakeRule("R-EL-01", false), new FakeRule("R-EL-02", false) };

        var decision = Decision.Check(rules);

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.BrokenRules);
        Assert.All(rules, r => Assert.Equal(0, r.MessageReads));
    }

    [Fact]
    public void Check_WhenNoRules_IsAllowed()
    {
        Assert.True(Decision.Check([]).IsAllowed);
        Assert.True(Decision.Allowed.IsAllowed);
    }

    [Fact]
    public void Check_WhenRulesAreNull_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Decision.Check(null!));
    }

    [Fact]
    public void Breaks_WhenAskedByRuleId_SaysWhetherThatRuleIsAmongTheBroken()
    {
        var decision = Decision.Check([new FakeRule("R-EL-01", true), new FakeRule("R-EL-02", false)]);

        Assert.True(decision.Breaks("R-EL-01"));
        Assert.False(decision.Breaks("R-EL-02"));
        Assert.False(decision.Breaks("R-EL-03"));
    }

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenOverrideCoversBothHourRules_SetsThemAsideWithWhoAndWhy()
    {
        var hoursOverride = new SupervisorOverride("R-HR-03", "supervisor-tanaka", "  住民の急ぎの申告のため  ");

        var decision = Decision.Check(
            [new FakeRule("R-HR-01", true, "visit.at"), new FakeRule("R-HR-02", true, "visit.date")],
            [hoursOverride]);

        Assert.True(decision.IsAllowed);
        Assert.Equal(
            [
                new AppliedOverride("R-HR-03", new BrokenRule("R-HR-01", "visit.at", "R-HR-01 is broken"), "supervisor-tanaka", "住民の急ぎの申告のため"),
                new AppliedOverride("R-HR-03", new BrokenRule("R-HR-02", "visit.date", "R-HR-02 is broken"), "supervisor-tanaka", "住民の急ぎの申告のため"),
            ],
            decision.Overrides);
    }

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenOverrideCoversOnlySomeBrokenRules_StillRefusesForTheOthers()
    {
        var decision = Decision.Check(
            [new FakeRule("R-HR-01", true), new FakeRule("R-EL-01", true), new FakeRule("R-ID-02", true)],
            [new SupervisorOverride("R-HR-03", "supervisor-tanaka", "理由")]);

        Assert.False(decision.IsAllowed);
        Assert.Equal(["R-EL-01", "R-ID-02"], decision.BrokenRules.Select(b => b.RuleId));
        Assert.Equal(["R-HR-01"], decision.Overrides.Select(o => o.SetAside.RuleId));
    }

    [Fact]
    [Trait("Rule", "R-ID-02")]
    public void Check_WhenBothOverridesAreGiven_EachSetsAsideOnlyItsOwnRules()
    {
        var decision = Decision.Check(
            [new FakeRule("R-ID-02", true), new FakeRule("R-HR-02", true), new FakeRule("R-ID-03", true)],
            [new SupervisorOverride("R-ID-02", "supervisor-tanaka", "住所変更の届出を確認"), new SupervisorOverride("R-HR-03", "supervisor-suzuki", "理由")]);

        Assert.Equal(["R-ID-03"], decision.BrokenRules.Select(b => b.RuleId));
        Assert.Equal([("R-ID-02", "R-ID-02", "supervisor-tanaka"), ("R-HR-03", "R-HR-02", "supervisor-suzuki")], decision.Overrides.Select(o => (o.OverrideRuleId, o.SetAside.RuleId, o.Supervisor)));
    }

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenOverrideIsNotNeeded_RecordsNoOverride()
    {
        var decision = Decision.Check([new FakeRule("R-HR-01", false)], [new SupervisorOverride("R-HR-03", "supervisor-tanaka", "理由")]);

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.Overrides);
    }

    [Fact]
    public void Combine_WhenSeveralChecks_JoinsBrokenRulesAndOverrides()
    {
        var first = Decision.Check([new FakeRule("R-EL-01", true)]);
        var second = Decision.Check([new FakeRule("R-HR-01", true), new FakeRule("R-ID-01", true)], [new SupervisorOverride("R-HR-03", "s", "r")]);

        var combined = Decision.Combine(first, second, Decision.Allowed);

        Assert.Equal(["R-EL-01", "R-ID-01"], combined.BrokenRules.Select(b => b.RuleId));
        Assert.Equal(["R-HR-01"], combined.Overrides.Select(o => o.SetAside.RuleId));
    }

    [Fact]
    public void Combine_WhenTwoChecksJudgedTheSameRule_ListsItAndItsOverrideOnce()
    {
        var overrides = new[] { new SupervisorOverride("R-ID-02", "s", "r") };
        var documentCheck = Decision.Check([new FakeRule("R-ID-02", true), new FakeRule("R-EL-01", true)], overrides);
        var visitCheck = Decision.Check([new FakeRule("R-ID-02", true), new FakeRule("R-EL-01", true)], overrides);

        var combined = Decision.Combine(documentCheck, visitCheck);

        Assert.Equal(["R-EL-01"], combined.BrokenRules.Select(b => b.RuleId));
        Assert.Equal(["R-ID-02"], combined.Overrides.Select(o => o.SetAside.RuleId));
    }
}
