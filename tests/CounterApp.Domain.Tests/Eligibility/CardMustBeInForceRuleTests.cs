using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Eligibility;

[Trait("Rule", "R-EL-02")]
public sealed class CardMustBeInForceRuleTests
{
    private static readonly DateOnly CardExpiry = new(2026, 11, 24);

    [Fact]
    public void Check_WhenTodayIsTheCardsExpiryDay_IsAllowedUntilTheLastSecond()
    {
        var card = Given.PhotoCard with { ExpiryDate = CardExpiry };
        var request = Given.Eligibility with { Card = card, TokyoNow = CardExpiry.ToDateTime(new TimeOnly(23, 59, 59)) };

        var decision = EligibilityRules.Check(request);

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheDayAfterTheCardsExpiry_IsRefusedWithTheExpiryDateInEraForm()
    {
        using var culture = new UiCultureScope("ja-JP");
        var card = Given.PhotoCard with { ExpiryDate = CardExpiry };
        var request = Given.Eligibility with { Card = card, TokyoNow = CardExpiry.AddDays(1).ToDateTime(TimeOnly.MinValue) };

        var decision = EligibilityRules.Check(request);

        var broken = Expect.Broken(decision, "R-EL-02", "card");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("住民基本台帳カードの有効期限（令和8年11月24日）が過ぎています。", broken.Message);
    }

    [Theory]
    [InlineData(CardStatus.Returned, "返納済み")]
    [InlineData(CardStatus.Suspended, "一時停止中")]
    [InlineData(CardStatus.Replaced, "再交付により廃止")]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheCardIsNotActive_IsRefusedNamingItsStatus(CardStatus status, string statusText)
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = Given.Eligibility with { Card = Given.PhotoCard with { Status = status } };

        var decision = EligibilityRules.Check(request);

        var broken = Expect.Broken(decision, "R-EL-02", "card");
        Assert.Equal($"住民基本台帳カードが有効ではありません（状態：{statusText}）。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenNoCardIsPresented_IsRefused()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = EligibilityRules.Check(Given.Eligibility with { Card = null });

        var broken = Expect.Broken(decision, "R-EL-02", "card");
        Assert.Equal("住民基本台帳カードの提示がないため申請できません。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheCardWasIssuedByAnotherMunicipality_IsRefused()
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = Given.Eligibility with { Card = Given.PhotoCard with { IssuingMunicipalityCode = Given.Toyama } };

        var decision = EligibilityRules.Check(request);

        var broken = Expect.Broken(decision, "R-EL-02", "card");
        Assert.Equal("提示された住民基本台帳カードは当市区町村が交付したものではありません。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheCardBelongsToSomeoneElse_IsRefused()
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = Given.Eligibility with { Card = Given.PhotoCard with { ResidentCode = "99999999999" } };

        var decision = EligibilityRules.Check(request);

        var broken = Expect.Broken(decision, "R-EL-02", "card");
        Assert.Equal("提示された住民基本台帳カードは申請者本人のものではありません。", broken.Message);
    }

    [Fact]
    public void Check_WhenTheCardHasNoPhoto_IsStillEligible()
    {
        // The photo decides same day vs two visits (R-VI), not eligibility.
        var decision = EligibilityRules.Check(Given.Eligibility with { Card = Given.NonPhotoCard });

        Assert.True(decision.IsAllowed);
    }

    [Theory]
    [InlineData(2026, 11, 23, false)]
    [InlineData(2026, 11, 24, false)]
    [InlineData(2026, 11, 25, true)]
    public void IsBroken_WhenAroundTheExpiryDay_IsBrokenOnlyAfterIt(int y, int m, int d, bool broken)
    {
        var request = Given.Eligibility with
        {
            Card = Given.PhotoCard with { ExpiryDate = CardExpiry },
            TokyoNow = new DateTime(y, m, d, 12, 0, 0),
        };

        Assert.Equal(broken, new CardMustBeInForceRule(request).IsBroken());
    }
}
