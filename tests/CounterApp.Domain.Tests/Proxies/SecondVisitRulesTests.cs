using CounterApp.Domain.Applications;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Proxies;

public sealed class SecondVisitRulesTests
{
    [Fact]
    [Trait("Rule", "R-PX-02")]
    public void Check_WhenAProxyBringsEverything_IsAllowed()
    {
        var decision = SecondVisitRules.Check(Given.ProxySecondVisit(), Given.Catalog);

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.Overrides);
    }

    [Fact]
    [Trait("Rule", "R-PX-02")]
    [Trait("Rule", "R-VI-04")]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenAProxyBringsNothing_ListsEveryMissingItemInOneDecision()
    {
        using var culture = new UiCultureScope("ja-JP");
        var visit = Given.ProxySecondVisit() with
        {
            Letter = null,
            AnswerSheet = false,
            ResidentCard = false,
            PowerOfAttorney = null,
            SealCertificate = null,
            Documents = [],
        };

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        Expect.BrokenExactly(
            decision,
            ("R-VI-04", "letter.reference"),
            ("R-PX-02", "answerSheet"),
            ("R-PX-02", "residentCard"),
            ("R-PX-02", "powerOfAttorney"),
            ("R-PX-02", "sealCertificate"),
            ("R-PX-02", "proxy.document"));
        Assert.Equal(
            [
                "照会書の照会番号に該当する申請が見つかりません。照会番号を確認してください。",
                "照会書の回答書が必要です。",
                "申請者本人の住民基本台帳カードが必要です（4桁の暗証番号の入力が必要です）。",
                "申請者本人の署名及び押印がある委任状が必要です。",
                "委任状に押印した印鑑の印鑑登録証明書（発行日から3か月以内のもの）が必要です。",
                "代理人本人の顔写真付き本人確認書類（有効期限内で、法令で定めるもの）の提示が必要です。",
            ],
            decision.BrokenRules.Select(b => b.Message));
    }

    public static TheoryData<string, string> EachItem =>
        new()
        {
            { "answerSheet", "照会書の回答書が必要です。" },
            { "residentCard", "申請者本人の住民基本台帳カードが必要です（4桁の暗証番号の入力が必要です）。" },
            { "powerOfAttorney", "申請者本人の署名及び押印がある委任状が必要です。" },
            { "powerOfAttorney.signed", "委任状に申請者本人の署名がありません。" },
            { "powerOfAttorney.sealed", "委任状に申請者本人の押印がありません。" },
            { "sealCertificate", "委任状に押印した印鑑の印鑑登録証明書（発行日から3か月以内のもの）が必要です。" },
            { "proxy.document", "代理人本人の顔写真付き本人確認書類（有効期限内で、法令で定めるもの）の提示が必要です。" },
        };

    [Theory]
    [MemberData(nameof(EachItem))]
    [Trait("Rule", "R-PX-02")]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenAProxyLacksOneItem_IsRefusedForThatItemAlone(string field, string message)
    {
        using var culture = new UiCultureScope("ja-JP");
        var complete = Given.ProxySecondVisit();
        var visit = field switch
        {
            "answerSheet" => complete with { AnswerSheet = false },
            "residentCard" => complete with { ResidentCard = false },
            "powerOfAttorney" => complete with { PowerOfAttorney = null },
            "powerOfAttorney.signed" => complete with { PowerOfAttorney = Given.PowerOfAttorney with { SignedByResident = false } },
            "powerOfAttorney.sealed" => complete with { PowerOfAttorney = Given.PowerOfAttorney with { SealedByResident = false } },
            "sealCertificate" => complete with { SealCertificate = null },
            "proxy.document" => complete with { Documents = [] },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown item."),
        };

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        var broken = Expect.Broken(decision, "R-PX-02", field);
        Assert.Single(decision.BrokenRules);
        Assert.Equal(message, broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-PX-02")]
    public void Check_WhenThePowerOfAttorneyIsNeitherSignedNorSealed_ListsBoth()
    {
        var visit = Given.ProxySecondVisit() with { PowerOfAttorney = new PowerOfAttorney(false, false) };

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        Expect.BrokenExactly(decision, ("R-PX-02", "powerOfAttorney.signed"), ("R-PX-02", "powerOfAttorney.sealed"));
    }

    [Fact]
    [Trait("Rule", "R-PX-02")]
    public void Check_WhenTheProxyShowsOnlyTheResidentsDocuments_IsRefused()
    {
        var visit = Given.ProxySecondVisit() with { Documents = [Given.Passport, Given.DriverLicence] };

        Expect.BrokenExactly(SecondVisitRules.Check(visit, Given.Catalog), ("R-PX-02", "proxy.document"));
    }

    [Fact]
    [Trait("Rule", "R-PX-02")]
    [Trait("Rule", "R-ID-03")]
    public void Check_WhenTheProxysDocumentExpiredYesterday_IsRefused()
    {
        var visit = Given.ProxySecondVisit() with { Documents = [Given.ProxyDriverLicence with { ExpiresOn = Given.Today.AddDays(-1) }] };

        Expect.BrokenExactly(SecondVisitRules.Check(visit, Given.Catalog), ("R-PX-02", "proxy.document"));
    }

    [Fact]
    [Trait("Rule", "R-PX-02")]
    [Trait("Rule", "R-ID-03")]
    public void Check_WhenTheProxysDocumentExpiresToday_IsAllowed()
    {
        var visit = Given.ProxySecondVisit() with { Documents = [Given.ProxyDriverLicence with { ExpiresOn = Given.Today }] };

        Assert.True(SecondVisitRules.Check(visit, Given.Catalog).IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-PX-02")]
    [Trait("Rule", "R-VI-04")]
    public void Check_WhenAProxyBringsEverythingButTheLetterWasReissued_RefusesTheOldLetter()
    {
        using var culture = new UiCultureScope("ja-JP");
        var old = Given.MailedLetter();
        old.Reissue(InquiryReference.FromBody(16322800002), Given.Resident, Given.Today);

        var decision = SecondVisitRules.Check(Given.ProxySecondVisit(old), Given.Catalog);

        var broken = Expect.Broken(decision, "R-VI-04", "letter.reference");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("この照会書は再発行により無効になっています。新しい照会書をお持ちください。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void Check_WhenTheLetterIsForAnotherApplication_IsRefused()
    {
        var visit = Given.ProxySecondVisit() with { ApplicationId = Guid.NewGuid() };

        Expect.BrokenExactly(SecondVisitRules.Check(visit, Given.Catalog), ("R-VI-04", "letter.reference"));
    }

    [Fact]
    [Trait("Rule", "R-VI-02")]
    public void Check_WhenTheResidentComesBackWithTheAnswerSheetAndCard_IsAllowedWithoutProxyPapers()
    {
        var visit = Given.InPersonSecondVisit();

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        Assert.Null(visit.PowerOfAttorney);
        Assert.Null(visit.SealCertificate);
        Assert.Empty(visit.Documents);
        Assert.True(decision.IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheResidentComesBackEmptyHanded_ListsTheAnswerSheetAndTheCardUnderR_VI_02()
    {
        using var culture = new UiCultureScope("ja-JP");
        var visit = Given.InPersonSecondVisit() with { AnswerSheet = false, ResidentCard = false };

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        Expect.BrokenExactly(decision, ("R-VI-02", "answerSheet"), ("R-VI-02", "residentCard"));
        Assert.Equal(["照会書の回答書が必要です。", "申請者本人の住民基本台帳カードが必要です。"], decision.BrokenRules.Select(b => b.Message));
        Assert.DoesNotContain(decision.BrokenRules, b => b.RuleId == "R-PX-02");
    }

    [Fact]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-VI-04")]
    public void Check_WhenTheResidentComesBackAfterTheLetterExpired_IsRefusedForTheLetter()
    {
        var letter = Given.MailedLetter(new DateOnly(2026, 10, 24));

        var decision = SecondVisitRules.Check(Given.InPersonSecondVisit(letter) with { Today = new DateOnly(2026, 11, 24) }, Given.Catalog);

        Assert.Equal(new DateOnly(2026, 11, 23), letter.ValidThrough);
        Expect.BrokenExactly(decision, ("R-VI-04", "letter.reference"));
    }

    [Fact]
    [Trait("Rule", "R-PX-02")]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenEnglishIsTheUiCulture_ListsTheMissingItemsInEnglish()
    {
        using var culture = new UiCultureScope("en-US");
        var visit = Given.ProxySecondVisit() with { PowerOfAttorney = null, SealCertificate = null };

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        Assert.Equal(
            [
                "A power of attorney signed and sealed by the resident is required.",
                "The seal registration certificate of the seal on the power of attorney (issued within the last 3 months) is required.",
            ],
            decision.BrokenRules.Select(b => b.Message));
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Messages_WhenJapaneseHasAKey_EnglishHasItWithTheSamePlaceholders()
    {
        MessageParity.AssertEnglishMatchesJapanese(ProxyMessages.Catalog);
    }

    [Fact]
    [Trait("Rule", "R-PX-02")]
    public void Check_WhenTheSecondVisitorIsAProxyButTheFirstWasTheResident_AsksForTheFullProxyList()
    {
        // R-VI-02: the second visit may be made by proxy even after an in-person first visit.
        var visit = Given.InPersonSecondVisit() with { Applicant = ApplicantKind.Proxy };

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        Expect.BrokenExactly(
            decision,
            ("R-PX-02", "powerOfAttorney"),
            ("R-PX-02", "sealCertificate"),
            ("R-PX-02", "proxy.document"));
    }
}
