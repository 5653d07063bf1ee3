using CounterApp.Domain.Applications;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Eligibility;

[Trait("Rule", "R-EL-06")]
public sealed class LastAcceptanceRuleTests
{
    // 宮城県 2015: renewals of resident-card certificates accepted until 17:00 on the municipality's last day.
    private static readonly DateTime Deadline2015 = new(2015, 12, 28, 17, 0, 0);

    private static EligibilityRequest RenewalAt(DateTime tokyoNow, DateTime deadline) => Given.Eligibility with
    {
        Procedure = Procedure.Renewal,
        Card = Given.PhotoCard with { ExpiryDate = new DateOnly(2035, 1, 1) },
        Resident = Given.Resident,
        TokyoNow = tokyoNow,
        LastAcceptance = new Dictionary<Procedure, DateTime> { [Procedure.Renewal] = deadline },
    };

    [Fact]
    public void Check_WhenExactlyAtTheDeadlineSecond_IsAccepted()
    {
        var decision = EligibilityRules.Check(RenewalAt(Deadline2015, Deadline2015));

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenOneSecondAfterTheDeadline_IsRefusedWithTheDateInHeiseiForm()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = EligibilityRules.Check(RenewalAt(Deadline2015.AddSeconds(1), Deadline2015));

        var broken = Expect.Broken(decision, "R-EL-06", "procedure");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("この手続きの受付は平成27年12月28日 17:00で終了しました。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenAfterAReiwaDeadline_NamesTheDateInReiwaForm()
    {
        using var culture = new UiCultureScope("ja-JP");
        var deadline = new DateTime(2026, 12, 25, 17, 0, 0);

        var decision = EligibilityRules.Check(RenewalAt(deadline.AddSeconds(1), deadline));

        var message = Expect.Broken(decision, "R-EL-06", "procedure").Message;
        Assert.Contains("令和8年12月25日", message, StringComparison.Ordinal);
        Assert.Contains("17:00", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2015, 12, 28, 8, 30, 0, false)]
    [InlineData(2015, 12, 28, 16, 59, 59, false)]
    [InlineData(2015, 12, 28, 17, 0, 0, false)]
    [InlineData(2015, 12, 28, 17, 0, 1, true)]
    [InlineData(2015, 12, 29, 8, 30, 0, true)]
    [InlineData(2016, 1, 4, 9, 0, 0, true)]
    public void IsBroken_WhenAroundTheDeadline_IsBrokenOnlyAfterIt(int y, int mo, int d, int h, int mi, int s, bool broken)
    {
        var rule = new LastAcceptanceRule(RenewalAt(new DateTime(y, mo, d, h, mi, s), Deadline2015));

        Assert.Equal(broken, rule.IsBroken());
    }

    [Fact]
    public void Check_WhenTheDeadlineIsForAnotherProcedure_DoesNotApply()
    {
        var request = RenewalAt(Deadline2015.AddDays(30), Deadline2015) with { Procedure = Procedure.NewIssuance };

        Assert.False(EligibilityRules.Check(request).Breaks("R-EL-06"));
    }

    [Fact]
    public void Check_WhenNoDeadlineIsConfigured_NeverEnds()
    {
        var request = Given.Eligibility with { TokyoNow = new DateTime(2030, 12, 31, 23, 59, 59), LastAcceptance = null };

        Assert.False(new LastAcceptanceRule(request).IsBroken());
    }
}
