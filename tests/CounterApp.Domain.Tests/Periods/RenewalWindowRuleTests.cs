using CounterApp.Domain.Certificates;
using CounterApp.Domain.Periods;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Periods;

[Trait("Rule", "R-CE-04")]
public sealed class RenewalWindowRuleTests
{
    private static readonly DateOnly ExpiresOn = new(2029, 5, 31);

    [Theory]
    [InlineData(2029, 2, 27, true)]
    [InlineData(2029, 2, 28, false)]
    [InlineData(2029, 5, 31, false)]
    [InlineData(2029, 6, 1, true)]
    public void IsBroken_WhenOutsideTheWindow_IsTrue(int y, int m, int d, bool broken)
    {
        var rule = new RenewalWindowRule(ExpiresOn, new DateOnly(y, m, d));

        Assert.Equal(broken, rule.IsBroken());
        Assert.Equal("R-CE-04", rule.RuleId);
        Assert.Equal("certificate.expiresOn", rule.Field);
    }

    [Fact]
    public void Message_WhenBeforeTheWindowInJapanese_SaysWhenItOpens()
    {
        using var culture = new UiCultureScope("ja-JP");

        var rule = new RenewalWindowRule(ExpiresOn, new DateOnly(2029, 2, 27));

        Assert.Equal("更新の受付は有効期間満了日（令和11年5月31日）の3か月前（令和11年2月28日）からです。", rule.Message);
    }

    [Fact]
    public void Message_WhenInvariantCulture_IsJapanese()
    {
        using var culture = new UiCultureScope("");

        var rule = new RenewalWindowRule(ExpiresOn, new DateOnly(2029, 2, 27));

        Assert.StartsWith("更新の受付は", rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_WhenAfterExpiryInJapanese_SaysANewIssuanceIsNeeded()
    {
        using var culture = new UiCultureScope("ja-JP");

        var rule = new RenewalWindowRule(ExpiresOn, new DateOnly(2029, 6, 1));

        Assert.Equal("電子証明書の有効期間満了日（令和11年5月31日）が過ぎているため更新できません。新規発行の手続きをしてください。", rule.Message);
    }

    [Fact]
    public void Message_WhenBeforeTheWindowInEnglish_GivesIsoDates()
    {
        using var culture = new UiCultureScope("en-US");

        var rule = new RenewalWindowRule(ExpiresOn, new DateOnly(2029, 2, 27));

        Assert.Equal("Renewal opens three months before the expiry date (2029-05-31), on 2029-02-28.", rule.Message);
    }

    [Fact]
    public void Message_WhenAfterExpiryInEnglish_SaysANewIssuanceIsNeeded()
    {
        using var culture = new UiCultureScope("en-US");

        var rule = new RenewalWindowRule(ExpiresOn, new DateOnly(2029, 6, 1));

        Assert.Equal("The certificate expired on 2029-05-31 and can no longer be renewed; apply for a new issuance instead.", rule.Message);
    }

    [Fact]
    public void Check_WhenBeforeTheWindow_RefusesWithTheRuleAndField()
    {
        using var culture = new UiCultureScope("ja-JP");
        var certificate = new Certificate("0A1B", "0001", new DateOnly(2026, 5, 31), ExpiresOn, CertificateStatus.Active);

        var decision = Decision.Check([new RenewalWindowRule(certificate, new DateOnly(2029, 2, 1))]);

        Assert.False(decision.IsAllowed);
        Assert.True(decision.Breaks("R-CE-04"));
        var broken = Assert.Single(decision.BrokenRules);
        Assert.Equal("certificate.expiresOn", broken.Field);
        Assert.Contains("令和11年2月28日", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenInsideTheWindow_Allows()
    {
        var certificate = new Certificate("0A1B", "0001", new DateOnly(2026, 5, 31), ExpiresOn, CertificateStatus.Active);

        Assert.True(Decision.Check([new RenewalWindowRule(certificate, new DateOnly(2029, 3, 1))]).IsAllowed);
    }
}
