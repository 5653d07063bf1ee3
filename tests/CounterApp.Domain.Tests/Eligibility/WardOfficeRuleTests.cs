using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Eligibility;

[Trait("Rule", "R-EL-05")]
public sealed class WardOfficeRuleTests
{
    private static readonly EligibilityRequest AtAoba = Given.Eligibility with
    {
        Resident = Given.SendaiResident,
        Card = Given.SendaiCard,
        Office = Given.AobaWardOffice,
    };

    [Fact]
    public void Check_WhenAtTheOfficeOfTheResidentsOwnWard_IsAllowed()
    {
        Assert.True(EligibilityRules.Check(AtAoba).IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenAtAnotherWardsOffice_IsRefusedNamingTheResidentsWard()
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = AtAoba with { Resident = Given.SendaiResident with { Ward = "宮城野区" } };

        var decision = EligibilityRules.Check(request);

        var broken = Expect.Broken(decision, "R-EL-05", "office");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("申請者の住民登録は宮城野区です。この窓口（青葉区役所）では受け付けられません。宮城野区役所で申請してください。", broken.Message);
    }

    [Fact]
    public void Check_WhenTheMunicipalityHasNoWardOffices_DoesNotAskForAWard()
    {
        Assert.Null(Given.Office.Ward);
        Assert.False(new WardOfficeRule(Given.Eligibility).IsBroken());
    }

    [Fact]
    public void IsBroken_WhenWardNamesDifferOnlyInWidthOrSpelling_IsBroken()
    {
        // Wards are compared as recorded; 青葉区 is not 泉区.
        var request = AtAoba with { Resident = Given.SendaiResident with { Ward = "泉区" } };

        Assert.True(new WardOfficeRule(request).IsBroken());
    }
}
