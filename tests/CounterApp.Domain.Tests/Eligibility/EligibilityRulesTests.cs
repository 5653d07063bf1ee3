using CounterApp.Domain.Applications;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Eligibility;

public sealed class EligibilityRulesTests
{
    // A 宮城野区 resident of 仙台市 who moved out, is 14, holds an expired card and comes to 青葉区役所 after the deadline.
    private static readonly DateTime Deadline = new(2015, 12, 28, 17, 0, 0);

    private static readonly EligibilityRequest EverythingWrong = new(
        Procedure.Renewal,
        Given.SendaiResident with
        {
            RegisterStatus = RegisterStatus.MovedOut,
            BirthDate = new DateOnly(2001, 6, 1),
            Ward = "宮城野区",
        },
        Given.SendaiCard with { ExpiryDate = new DateOnly(2015, 12, 1) },
        Given.AobaWardOffice,
        Deadline.AddMinutes(5),
        new Dictionary<Procedure, DateTime> { [Procedure.Renewal] = Deadline });

    [Fact]
    [Trait("Rule", "R-EL-01")]
    [Trait("Rule", "R-EL-02")]
    [Trait("Rule", "R-EL-03")]
    [Trait("Rule", "R-EL-05")]
    [Trait("Rule", "R-EL-06")]
    public void Check_WhenSeveralRulesAreBroken_ReturnsEveryOneOfThem()
    {
        var decision = EligibilityRules.Check(EverythingWrong);

        Assert.False(decision.IsAllowed);
        Expect.BrokenExactly(
            decision,
            ("R-EL-01", "resident.registerStatus"),
            ("R-EL-02", "card"),
            ("R-EL-03", "resident.birthDate"),
            ("R-EL-05", "office"),
            ("R-EL-06", "procedure"));
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenSeveralRulesAreBroken_EachMessageIsClearJapanese()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = EligibilityRules.Check(EverythingWrong);

        Assert.Equal(5, decision.BrokenRules.Count);
        Assert.All(decision.BrokenRules, b =>
        {
            Assert.Matches(@"^R-EL-0\d$", b.RuleId);
            Assert.False(string.IsNullOrWhiteSpace(b.Field));
            Expect.Japanese(b.Message);
        });
        Assert.Equal(5, decision.BrokenRules.Select(b => b.Message).Distinct().Count());
    }

    [Fact]
    [Trait("Rule", "R-EL-01")]
    [Trait("Rule", "R-EL-02")]
    [Trait("Rule", "R-EL-03")]
    [Trait("Rule", "R-EL-05")]
    [Trait("Rule", "R-EL-06")]
    public void Check_WhenEverythingIsInOrder_IsAllowedWithNoOverrides()
    {
        var deadline = new Dictionary<Procedure, DateTime> { [Procedure.NewIssuance] = Given.Now.AddHours(7) };

        var decision = EligibilityRules.Check(Given.Eligibility with { LastAcceptance = deadline });

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.BrokenRules);
        Assert.Empty(decision.Overrides);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenEnglishIsTheUiCulture_MessagesAreEnglishWithIsoDates()
    {
        using var culture = new UiCultureScope("en-US");

        var decision = EligibilityRules.Check(EverythingWrong);

        Assert.Equal("The resident card expired on 2015-12-01.", Expect.Broken(decision, "R-EL-02", "card").Message);
        Assert.Equal("Applications for this procedure closed at 17:00 on 2015-12-28.", Expect.Broken(decision, "R-EL-06", "procedure").Message);
        Assert.StartsWith("The applicant is under 15 (age 14)", Expect.Broken(decision, "R-EL-03", "resident.birthDate").Message, StringComparison.Ordinal);
        Assert.All(decision.BrokenRules, b => Expect.English(b.Message));
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Messages_WhenJapaneseHasAKey_EnglishHasItWithTheSamePlaceholders()
    {
        MessageParity.AssertEnglishMatchesJapanese(EligibilityMessages.Catalog);
    }
}
