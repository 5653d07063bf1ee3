using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Eligibility;

[Trait("Rule", "R-EL-01")]
public sealed class ResidentMustBeRegisteredRuleTests
{
    [Fact]
    public void Check_WhenRegisteredInThisMunicipality_IsAllowed()
    {
        var decision = EligibilityRules.Check(Given.Eligibility);

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.Overrides);
    }

    [Theory]
    [InlineData(RegisterStatus.MovedOut, "転出")]
    [InlineData(RegisterStatus.Deceased, "死亡")]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenNotRegistered_IsRefusedNamingTheStatusAndTheTown(RegisterStatus status, string statusText)
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = Given.Eligibility with { Resident = Given.Resident with { RegisterStatus = status } };

        var decision = EligibilityRules.Check(request);

        var broken = Expect.Broken(decision, "R-EL-01", "resident.registerStatus");
        Assert.Single(decision.BrokenRules);
        Assert.Equal($"申請者は上市町の住民基本台帳に記録されていないため申請できません（住民登録の状態：{statusText}）。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenRegisteredInAnotherMunicipality_IsRefusedAndSendsThemThere()
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = Given.Eligibility with { Resident = Given.Resident with { MunicipalityCode = Given.Toyama } };

        var decision = EligibilityRules.Check(request);

        var broken = Expect.Broken(decision, "R-EL-01", "resident.registerStatus");
        Expect.Japanese(broken.Message);
        Assert.Contains("他の市区町村", broken.Message, StringComparison.Ordinal);
        Assert.Contains("住民登録のある市区町村で申請してください", broken.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RegisterStatus.Registered, false)]
    [InlineData(RegisterStatus.MovedOut, true)]
    [InlineData(RegisterStatus.Deceased, true)]
    public void IsBroken_WhenRegisterStatusVaries_IsBrokenUnlessRegistered(RegisterStatus status, bool broken)
    {
        var rule = new ResidentMustBeRegisteredRule(Given.Eligibility with { Resident = Given.Resident with { RegisterStatus = status } });

        Assert.Equal(broken, rule.IsBroken());
        Assert.Equal("R-EL-01", rule.RuleId);
    }
}
