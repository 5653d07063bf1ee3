using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;
using CounterApp.Domain.Visits;

namespace CounterApp.Domain.Tests.Visits;

public sealed class VisitRulesTests
{
    private static readonly FirstVisit NonPhotoInPerson = Given.FirstVisit with { Card = Given.NonPhotoCard };

    private static readonly FirstVisit ByProxy = Given.FirstVisit with { Applicant = ApplicantKind.Proxy, Documents = [Given.ProxyDriverLicence] };

    [Fact]
    [Trait("Rule", "R-VI-01")]
    public void Decide_WhenInPersonWithAPhotoCard_IssuesTheSameDay()
    {
        using var culture = new UiCultureScope("ja-JP");

        var result = VisitRules.Decide(Given.FirstVisit, Given.Catalog);

        Assert.Equal(VisitPlan.SameDay, result.Plan);
        Assert.Equal("R-VI-01", result.DecidingRuleId);
        Assert.True(result.Decision.IsAllowed);
        Assert.Equal("顔写真付きの住民基本台帳カードで本人確認ができるため、即日発行できます。", result.Explanation);
    }

    [Fact]
    [Trait("Rule", "R-VI-01")]
    [Trait("Rule", "R-ID-01")]
    public void Decide_WhenNonPhotoCardWithAnAcceptedPhotoDocument_IssuesTheSameDayNamingTheDocument()
    {
        using var culture = new UiCultureScope("ja-JP");

        var result = VisitRules.Decide(NonPhotoInPerson with { Documents = [Given.DriverLicence] }, Given.Catalog);

        Assert.Equal(VisitPlan.SameDay, result.Plan);
        Assert.Equal("R-VI-01", result.DecidingRuleId);
        Assert.True(result.Decision.IsAllowed);
        Assert.Equal("顔写真なしの住民基本台帳カードと「運転免許証」で本人確認ができるため、即日発行できます。", result.Explanation);
    }

    [Fact]
    [Trait("Rule", "R-VI-01")]
    public void Decide_WhenNonPhotoCardWithAnExpiredAndAnAcceptedDocument_UsesTheAcceptedOne()
    {
        var expired = Given.DriverLicence with { ExpiresOn = Given.Today.AddDays(-1) };

        var result = VisitRules.Decide(NonPhotoInPerson with { Documents = [expired, Given.Passport] }, Given.Catalog);

        Assert.Equal(VisitPlan.SameDay, result.Plan);
        Assert.Contains("旅券", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-VI-01")]
    [Trait("Rule", "R-ID-03")]
    public void Decide_WhenNonPhotoCardWithADocumentOnItsExpiryDay_IssuesTheSameDay()
    {
        var lastDay = Given.DriverLicence with { ExpiresOn = Given.Today };

        Assert.Equal(VisitPlan.SameDay, VisitRules.Decide(NonPhotoInPerson with { Documents = [lastDay] }, Given.Catalog).Plan);
    }

    public static TheoryData<string, PresentedIdentityDocument[]> NoAcceptedPhotoDocument => new()
    {
        { "nothing", [] },
        { "expired licence", [Given.DriverLicence with { ExpiresOn = Given.Today.AddDays(-1) }] },
        { "health insurance card", [Given.DriverLicence with { TypeCode = "health-insurance", ExpiresOn = null }] },
        { "driving record of 2012-03-31", [Given.DriverLicence with { TypeCode = "driving-record", IssuedOn = new DateOnly(2012, 3, 31), ExpiresOn = null }] },
        { "licence with the old address", [Given.DriverLicence with { AddressMatchesRegister = false }] },
        { "someone else's licence", [Given.ProxyDriverLicence] },
    };

    [Theory]
    [MemberData(nameof(NoAcceptedPhotoDocument))]
    [Trait("Rule", "R-VI-02")]
    public void Decide_WhenNonPhotoCardWithoutAnAcceptedPhotoDocument_NeedsTwoVisits(string what, PresentedIdentityDocument[] documents)
    {
        using var culture = new UiCultureScope("ja-JP");

        var result = VisitRules.Decide(NonPhotoInPerson with { Documents = documents }, Given.Catalog);

        Assert.True(result.Plan == VisitPlan.TwoVisits, what);
        Assert.Equal("R-VI-02", result.DecidingRuleId);
        Assert.Equal(
            "顔写真付きの本人確認書類がないため即日発行はできません。照会書を住民票の住所へ郵送します。2回目の来庁時に回答書と住民基本台帳カードをお持ちください。",
            result.Explanation);
    }

    [Fact]
    [Trait("Rule", "R-VI-01")]
    [Trait("Rule", "R-ID-02")]
    public void Decide_WhenTheLicenceShowsTheOldAddressAndASupervisorApproves_IssuesTheSameDayAndRecordsTheOverride()
    {
        var visit = NonPhotoInPerson with { Documents = [Given.DriverLicence with { AddressMatchesRegister = false }] };
        var approval = new SupervisorOverride("R-ID-02", "係長 立山", "転居届の受理を確認済み");

        var result = VisitRules.Decide(visit, Given.Catalog, [approval]);

        Assert.Equal(VisitPlan.SameDay, result.Plan);
        Assert.Equal("R-VI-01", result.DecidingRuleId);
        Assert.True(result.Decision.IsAllowed);
        var applied = Assert.Single(result.Decision.Overrides);
        Assert.Equal(("係長 立山", "転居届の受理を確認済み", "R-ID-02"), (applied.Supervisor, applied.Reason, applied.SetAside.RuleId));
    }

    public static TheoryData<string, FirstVisit> ProxyBringingAnything => new()
    {
        { "the resident's photo card", ByProxy },
        { "the resident's non-photo card", ByProxy with { Card = Given.NonPhotoCard } },
        { "the resident's card and passport", ByProxy with { Card = Given.NonPhotoCard, Documents = [Given.ProxyDriverLicence, Given.Passport] } },
        { "their own photo resident card", ByProxy with { Documents = [Given.ProxyDriverLicence with { TypeCode = "resident-card-photo" }] } },
        { "nothing of their own", ByProxy with { Documents = [] } },
    };

    [Theory]
    [MemberData(nameof(ProxyBringingAnything))]
    [Trait("Rule", "R-VI-03")]
    public void Decide_WhenAProxyComesFirst_NeedsTwoVisitsWhateverTheyBring(string what, FirstVisit visit)
    {
        using var culture = new UiCultureScope("ja-JP");

        var result = VisitRules.Decide(visit, Given.Catalog);

        Assert.True(result.Plan == VisitPlan.TwoVisits, what);
        Assert.Equal("R-VI-03", result.DecidingRuleId);
        Assert.Equal("代理人による申請のため即日発行はできません。照会書を申請者本人の住民票の住所へ郵送します。2回目の来庁で発行します。", result.Explanation);
    }

    [Fact]
    [Trait("Rule", "R-VI-03")]
    public void Decide_WhenAProxyShowsTheirOwnAcceptedPhotoDocument_IsNotRefused()
    {
        var result = VisitRules.Decide(ByProxy, Given.Catalog);

        Assert.True(result.Decision.IsAllowed);
    }

    public static TheoryData<string, PresentedIdentityDocument[]> ProxyWithoutOwnAcceptedDocument => new()
    {
        { "nothing", [] },
        { "only the resident's passport", [Given.Passport] },
        { "an expired licence", [Given.ProxyDriverLicence with { ExpiresOn = Given.Today.AddDays(-1) }] },
        { "a document not on the list", [Given.ProxyDriverLicence with { TypeCode = "health-insurance" }] },
        { "a driving record of 2012-03-31", [Given.ProxyDriverLicence with { TypeCode = "driving-record", IssuedOn = new DateOnly(2012, 3, 31), ExpiresOn = null }] },
    };

    [Theory]
    [MemberData(nameof(ProxyWithoutOwnAcceptedDocument))]
    [Trait("Rule", "R-VI-03")]
    [Trait("Rule", "R-X-03")]
    public void Decide_WhenAProxyHasNoAcceptedPhotoDocumentOfTheirOwn_BreaksR_VI_03(string what, PresentedIdentityDocument[] documents)
    {
        using var culture = new UiCultureScope("ja-JP");

        var result = VisitRules.Decide(ByProxy with { Documents = documents }, Given.Catalog);

        Assert.Equal(VisitPlan.TwoVisits, result.Plan);
        var broken = Expect.Broken(result.Decision, "R-VI-03", "proxy.document");
        Assert.True(result.Decision.BrokenRules.Count == 1, what);
        Assert.Equal("代理人本人の顔写真付き本人確認書類（有効期限内で、法令で定めるもの）の提示が必要です。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-VI-03")]
    public void Decide_WhenTheProxysLicenceShowsAnAddressOtherThanTheResidents_IsAccepted()
    {
        var own = Given.ProxyDriverLicence with { AddressMatchesRegister = false };

        var result = VisitRules.Decide(ByProxy with { Documents = [own] }, Given.Catalog);

        Assert.True(result.Decision.IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-VI-03")]
    [Trait("Rule", "R-X-03")]
    public void Decide_WhenEnglishIsTheUiCulture_ExplainsInEnglish()
    {
        using var culture = new UiCultureScope("en-US");

        var result = VisitRules.Decide(ByProxy with { Documents = [] }, Given.Catalog);

        Assert.StartsWith("A proxy application cannot be issued the same day.", result.Explanation, StringComparison.Ordinal);
        Assert.Equal("The proxy must show their own accepted photo identity document, not expired.", Assert.Single(result.Decision.BrokenRules).Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Messages_WhenJapaneseHasAKey_EnglishHasItWithTheSamePlaceholders()
    {
        MessageParity.AssertEnglishMatchesJapanese(VisitMessages.Catalog);
    }

    [Fact]
    public void Decision_WhenCheckedAgainForProxyRules_UsesTheProxyRuleDirectly()
    {
        var rule = new ProxyPhotoDocumentRule(ApplicantKind.InPerson, [], Given.Catalog, Given.Today);

        // In person, nobody is asked for a proxy's document.
        Assert.False(rule.IsBroken());
        Assert.True(Decision.Check([rule]).IsAllowed);
    }
}
