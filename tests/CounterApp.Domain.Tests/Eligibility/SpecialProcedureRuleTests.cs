using CounterApp.Domain.Applications;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Eligibility;

[Trait("Rule", "R-EL-03")]
public sealed class SpecialProcedureRuleTests
{
    private static Decision CheckBornOn(DateOnly birthDate, DateOnly today) =>
        EligibilityRules.Check(Given.Eligibility with
        {
            Resident = Given.Resident with { BirthDate = birthDate },
            TokyoNow = today.ToDateTime(new TimeOnly(10, 0)),
        });

    [Fact]
    [Trait("Rule", "R-EL-04")]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheDayBeforeThe15thBirthday_IsRefusedAsASpecialProcedure()
    {
        using var culture = new UiCultureScope("ja-JP");

        // Born 2011-11-25: attains 15 at the end of 2026-11-24, so is still 14 on that whole day.
        var decision = CheckBornOn(new DateOnly(2011, 11, 25), new DateOnly(2026, 11, 24));

        var broken = Expect.Broken(decision, "R-EL-03", "resident.birthDate");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("申請者は15歳未満（14歳）のため通常の手続きはできません。特別な手続きとなりますので係長に相談してください。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-EL-04")]
    public void Check_WhenOnThe15thBirthday_IsAllowed()
    {
        var decision = CheckBornOn(new DateOnly(2011, 11, 25), new DateOnly(2026, 11, 25));

        Assert.True(decision.IsAllowed);
    }

    [Theory]
    [Trait("Rule", "R-EL-04")]
    [InlineData(2012, 2, 29, 2027, 2, 27, true)]
    [InlineData(2012, 2, 29, 2027, 2, 28, true)] // attains 15 only at the end of 28 February (common year)
    [InlineData(2012, 2, 29, 2027, 3, 1, false)]
    [InlineData(2012, 2, 28, 2027, 2, 27, true)]
    [InlineData(2012, 2, 28, 2027, 2, 28, false)]
    [InlineData(2012, 3, 1, 2027, 2, 28, true)]
    [InlineData(2012, 3, 1, 2027, 3, 1, false)]
    [InlineData(2011, 1, 1, 2025, 12, 31, true)] // born 1 January: 15 from 1 January, never on 31 December
    [InlineData(2011, 1, 1, 2026, 1, 1, false)]
    [InlineData(1985, 6, 15, 2026, 11, 24, false)]
    [InlineData(2026, 11, 24, 2026, 11, 24, true)] // a baby on its birth day
    public void IsBroken_WhenAroundThe15thBirthday_FollowsTheAgeLaw(int by, int bm, int bd, int y, int m, int d, bool broken)
    {
        var decision = CheckBornOn(new DateOnly(by, bm, bd), new DateOnly(y, m, d));

        Assert.Equal(broken, decision.Breaks("R-EL-03"));
    }

    [Fact]
    [Trait("Rule", "R-EL-04")]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenBornOn29FebruaryAndItIs28FebruaryOfTheCommonYear_SaysAge14()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = CheckBornOn(new DateOnly(2012, 2, 29), new DateOnly(2027, 2, 28));

        Assert.Contains("（14歳）", Expect.Broken(decision, "R-EL-03", "resident.birthDate").Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenAnAdultWard_IsRefusedAsASpecialProcedureNamingTheWardship()
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = Given.Eligibility with { Resident = Given.Resident with { IsAdultWard = true } };

        var decision = EligibilityRules.Check(request);

        var broken = Expect.Broken(decision, "R-EL-03", "resident.isAdultWard");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("申請者は成年被後見人のため通常の手続きはできません。特別な手続きとなりますので係長に相談してください。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenAnAdultWardUnder15_NamesTheAgeAndTheBirthDate()
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = Given.Eligibility with { Resident = Given.Resident with { IsAdultWard = true, BirthDate = new DateOnly(2012, 1, 10) } };

        var decision = EligibilityRules.Check(request);

        var broken = Expect.Broken(decision, "R-EL-03", "resident.birthDate");
        Assert.Single(decision.BrokenRules);
        Assert.StartsWith("申請者は15歳未満（14歳）", broken.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Procedure.NewIssuance)]
    [InlineData(Procedure.Renewal)]
    public void Check_WhenUnder15ForAnyIssuingProcedure_IsRefused(Procedure procedure)
    {
        var request = Given.Eligibility with
        {
            Procedure = procedure,
            Resident = Given.Resident with { BirthDate = new DateOnly(2015, 4, 1) },
        };

        Assert.True(EligibilityRules.Check(request).Breaks("R-EL-03"));
    }

    [Fact]
    public void Refuse_WhenASpecialProcedureStops_TheApplicationRecordsTheAttemptWithTheRule()
    {
        var request = Given.Eligibility with { Resident = Given.Resident with { IsAdultWard = true } };
        var decision = EligibilityRules.Check(request);
        var at = new DateTimeOffset(Given.Now, TimeSpan.FromHours(9));
        var application = Application.Receive(Given.ApplicationId, Procedure.NewIssuance, ApplicantKind.InPerson, Given.Resident.ResidentCode, at, "clerk-01");

        application.Refuse(decision, at, "clerk-01");

        Assert.Equal(ApplicationState.Refused, application.State);
        Assert.Contains(application.RefusedFor, b => b.RuleId == "R-EL-03");
        Assert.Equal("R-EL-03", application.History[^1].Note);
    }
}
