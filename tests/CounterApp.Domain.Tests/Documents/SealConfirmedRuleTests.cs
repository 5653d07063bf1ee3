using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Documents;

[Trait("Rule", "R-ID-05")]
public sealed class SealConfirmedRuleTests
{
    [Fact]
    public void Check_WhenTheClerkConfirmedTheSeal_IsAllowed()
    {
        Assert.True(Decision.Check([new SealConfirmedRule(sealConfirmed: true)]).IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheSealWasNotConfirmed_IsRefusedSayingASealIsNeeded()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = Decision.Check([new SealConfirmedRule(sealConfirmed: false)]);

        var broken = Expect.Broken(decision, "R-ID-05", "visit.sealConfirmed");
        Assert.Equal("申請者の印鑑が確認されていません。電子証明書を発行する来庁時には印鑑が必要です。", broken.Message);
    }

    [Fact]
    public void Check_WhenTheSealIsMissingTogetherWithABadDocument_ReturnsBoth()
    {
        var document = Given.DriverLicence with { ExpiresOn = Given.Today.AddDays(-1) };

        var decision = Decision.Check(
            [.. IdentityDocumentRules.For(document, Given.Catalog, Given.Today), new SealConfirmedRule(sealConfirmed: false)]);

        Expect.BrokenExactly(decision, ("R-ID-03", "document.expiresOn"), ("R-ID-05", "visit.sealConfirmed"));
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Message_WhenEnglishIsTheUiCulture_IsEnglish()
    {
        using var culture = new UiCultureScope("en-US");

        Assert.StartsWith("The applicant's seal has not been confirmed.", new SealConfirmedRule(false).Message, StringComparison.Ordinal);
    }
}
