using CounterApp.Domain.Documents;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Documents;

[Trait("Rule", "R-ID-03")]
public sealed class DocumentNotExpiredRuleTests
{
    [Fact]
    public void Check_WhenTodayIsTheExpiryDay_IsAccepted()
    {
        var document = Given.DriverLicence with { ExpiresOn = Given.Today };

        Assert.True(IdentityDocumentRules.Check(document, Given.Catalog, Given.Today).IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheDayAfterTheExpiry_IsRefusedWithTheDateInEraForm()
    {
        using var culture = new UiCultureScope("ja-JP");
        var document = Given.DriverLicence with { ExpiresOn = new DateOnly(2026, 11, 23) };

        var decision = IdentityDocumentRules.Check(document, Given.Catalog, new DateOnly(2026, 11, 24));

        var broken = Expect.Broken(decision, "R-ID-03", "document.expiresOn");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("本人確認書類の有効期限（令和8年11月23日）が過ぎています。", broken.Message);
    }

    [Fact]
    public void Check_WhenExpiredAcrossTheEraChange_NamesTheHeiseiDate()
    {
        using var culture = new UiCultureScope("ja-JP");
        var document = Given.Passport with { ExpiresOn = new DateOnly(2019, 4, 30) };

        var decision = IdentityDocumentRules.Check(document, Given.Catalog, new DateOnly(2019, 5, 1));

        Assert.Contains("平成31年4月30日", Expect.Broken(decision, "R-ID-03", "document.expiresOn").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void IsBroken_WhenAroundTheExpiryDay_IsBrokenOnlyAfterIt(int expiryFromToday, bool broken)
    {
        var document = Given.DriverLicence with { ExpiresOn = Given.Today.AddDays(expiryFromToday) };

        Assert.Equal(broken, new DocumentNotExpiredRule(document, Given.Today).IsBroken());
    }

    [Fact]
    public void Check_WhenTheDocumentHasNoExpiry_IsAccepted()
    {
        // e.g. 身体障害者手帳.
        var document = Given.DriverLicence with { TypeCode = "disability", ExpiresOn = null };

        Assert.True(IdentityDocumentRules.Check(document, Given.Catalog, new DateOnly(2060, 1, 1)).IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-ID-01")]
    [Trait("Rule", "R-ID-02")]
    public void Check_WhenEveryDocumentRuleIsBroken_ReturnsAllThree()
    {
        var document = new PresentedIdentityDocument("driving-record", DocumentHolder.Resident, new DateOnly(2011, 1, 1), new DateOnly(2020, 1, 1), false);

        var decision = IdentityDocumentRules.Check(document, Given.Catalog, Given.Today);

        Expect.BrokenExactly(
            decision,
            ("R-ID-01", "document.type"),
            ("R-ID-02", "document.addressMatchesRegister"),
            ("R-ID-03", "document.expiresOn"));
        Assert.False(IdentityDocumentRules.IsAcceptable(document, Given.Catalog, Given.Today));
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenEnglishIsTheUiCulture_SaysItInEnglish()
    {
        using var culture = new UiCultureScope("en");
        var document = Given.DriverLicence with { ExpiresOn = new DateOnly(2026, 11, 23) };

        var decision = IdentityDocumentRules.Check(document, Given.Catalog, Given.Today);

        Assert.Equal("The identity document expired on 2026-11-23.", Expect.Broken(decision, "R-ID-03", "document.expiresOn").Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Messages_WhenJapaneseHasAKey_EnglishHasItWithTheSamePlaceholders()
    {
        MessageParity.AssertEnglishMatchesJapanese(DocumentMessages.Catalog);
    }
}
