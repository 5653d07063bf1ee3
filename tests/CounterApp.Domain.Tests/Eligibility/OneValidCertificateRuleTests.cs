using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Eligibility;

/// <summary>R-CE-08: one valid certificate per resident; a new issuance while one is valid is refused, pointing to renewal or revocation.</summary>
[Trait("Rule", "R-CE-08")]
public sealed class OneValidCertificateRuleTests
{
    private static readonly DateOnly ExpiresOn = new(2027, 5, 31);

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void IsBroken_WhenNewIssuanceInsideTheRenewalWindow_PointsToRenewal()
    {
        using var culture = new UiCultureScope("ja-JP");
        var rule = new OneValidCertificateRule(Procedure.NewIssuance, Make.Certificate(serial: "3A0F", expiresOn: ExpiresOn), new DateOnly(2027, 3, 1));

        var decision = Decision.Check([rule]);

        Assert.True(rule.IsBroken());
        Assert.True(rule.PointsToRenewal);
        var broken = Assert.Single(decision.BrokenRules);
        Assert.Equal("R-CE-08", broken.RuleId);
        Assert.Equal("certificate", broken.Field);
        Assert.Contains("3A0F", broken.Message, StringComparison.Ordinal);
        Assert.Contains("R-CE-08", broken.Message, StringComparison.Ordinal);
        Assert.Contains("更新の手続き", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("失効", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void IsBroken_WhenNewIssuanceBeforeTheRenewalWindow_PointsToRevocationAndSaysWhenRenewalOpens()
    {
        using var culture = new UiCultureScope("ja-JP");
        var rule = new OneValidCertificateRule(Procedure.NewIssuance, Make.Certificate(serial: "3A0F", expiresOn: ExpiresOn), new DateOnly(2027, 2, 27));

        Assert.True(rule.IsBroken());
        Assert.False(rule.PointsToRenewal);
        Assert.Contains("失効の手続き", rule.Message, StringComparison.Ordinal);
        Assert.Contains("令和9年2月28日", rule.Message, StringComparison.Ordinal); // the window opens three months before the expiry
        Assert.Contains("R-CE-08", rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_WhenEnglish_PointsToRenewalOrRevocation()
    {
        using var culture = new UiCultureScope("en");
        var certificate = Make.Certificate(serial: "3A0F", expiresOn: ExpiresOn);

        Assert.Contains("renew it instead", new OneValidCertificateRule(Procedure.NewIssuance, certificate, new DateOnly(2027, 5, 31)).Message, StringComparison.Ordinal);
        Assert.Contains("revoke it first", new OneValidCertificateRule(Procedure.NewIssuance, certificate, new DateOnly(2026, 1, 5)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Procedure.Renewal)]
    [InlineData(Procedure.RevocationRequest)]
    [InlineData(Procedure.Unlock)]
    public void IsBroken_WhenAnotherProcedure_IsFalse(Procedure procedure)
    {
        Assert.False(new OneValidCertificateRule(procedure, Make.Certificate(expiresOn: ExpiresOn), new DateOnly(2027, 3, 1)).IsBroken());
    }

    [Fact]
    public void IsBroken_WhenNoCertificateRevokedOrExpired_IsFalse()
    {
        var day = new DateOnly(2027, 3, 1);

        Assert.False(new OneValidCertificateRule(Procedure.NewIssuance, null, day).IsBroken());
        Assert.False(new OneValidCertificateRule(Procedure.NewIssuance, Make.Certificate(status: CertificateStatus.Revoked, expiresOn: ExpiresOn), day).IsBroken());
        Assert.False(new OneValidCertificateRule(Procedure.NewIssuance, Make.Certificate(expiresOn: ExpiresOn), ExpiresOn.AddDays(1)).IsBroken());
        Assert.True(new OneValidCertificateRule(Procedure.NewIssuance, Make.Certificate(expiresOn: ExpiresOn), ExpiresOn).IsBroken());
    }
}
