using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Revocation;

/// <summary>
/// R-RV-01: a revocation request or compromise notice is accepted in person with the photo card or an accepted photo
/// document, or by proxy with a 委任状 signed and sealed by the resident and the proxy's own accepted photo document.
/// </summary>
[Trait("Rule", "R-RV-01")]
public sealed class RevocationRulesTests
{
    private static readonly PowerOfAttorney SignedAndSealed = new(SignedByResident: true, SealedByResident: true);

    [Fact]
    public void Check_WhenInPersonWithPhotoCardInForce_IsAllowed()
    {
        Assert.True(Check(InPerson(Make.Card(hasPhoto: true))).IsAllowed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Check_WhenInPersonWithAnAcceptedPhotoDocument_IsAllowedWithOrWithoutTheCard(bool cardLost)
    {
        var request = InPerson(cardLost ? null : Make.Card(hasPhoto: false), Make.Document("driver-licence"));

        Assert.True(Check(request).IsAllowed);
    }

    public static TheoryData<string, ResidentCard?, PresentedIdentityDocument[]> InPersonWithoutIdentity => new()
    {
        { "nothing (card lost, no document)", null, [] },
        { "card without photo only", Make.Card(hasPhoto: false), [] },
        { "photo card that has expired", Make.Card(expiry: Make.Today.AddDays(-1)), [] },
        { "photo card that was returned", Make.Card(status: CardStatus.Returned), [] },
        { "photo card that is suspended", Make.Card(status: CardStatus.Suspended), [] },
        { "expired passport", null, [Make.Document(expiresOn: Make.Today.AddDays(-1))] },
        { "a document not on the list", null, [Make.Document("health-insurance-card")] },
        { "a document of someone else (the proxy's)", null, [Make.Document(holder: DocumentHolder.Proxy)] },
        { "licence with the old address (R-ID-02)", null, [Make.Document("driver-licence", addressMatches: false)] },
    };

    [Theory]
    [MemberData(nameof(InPersonWithoutIdentity))]
    public void Check_WhenInPersonWithoutAcceptedIdentity_Refuses(string why, ResidentCard? card, PresentedIdentityDocument[] documents)
    {
        using var culture = new UiCultureScope("en-US");

        var decision = Check(InPerson(card, documents));

        var broken = Expect.Broken(decision, "R-RV-01", "documents");
        Assert.True(
            broken.Message == "To confirm identity, the resident card with photo or an accepted photo identity document (not expired) is required.",
            why);
    }

    [Fact]
    public void Check_WhenInPersonWithPhotoCardOnItsLastDay_IsAllowed()
    {
        Assert.True(Check(InPerson(Make.Card(expiry: Make.Today))).IsAllowed);
    }

    [Fact]
    public void Check_WhenProxyWithSignedAndSealedPowerOfAttorneyAndOwnPhotoDocument_IsAllowed()
    {
        var request = ByProxy(SignedAndSealed, Make.Document("driver-licence", DocumentHolder.Proxy));

        Assert.True(Check(request).IsAllowed);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Check_WhenPowerOfAttorneyNotBothSignedAndSealed_Refuses(bool signedByResident, bool sealedByResident)
    {
        using var culture = new UiCultureScope("ja-JP");
        var request = ByProxy(new PowerOfAttorney(signedByResident, sealedByResident), Make.Document(holder: DocumentHolder.Proxy));

        var broken = Expect.Broken(Check(request), "R-RV-01", "documents");

        Assert.Equal("代理人による失効申請には、申請者本人の署名及び押印がある委任状が必要です。", broken.Message);
    }

    [Fact]
    public void Check_WhenProxyWithoutPowerOfAttorney_RefusesEvenWithTheResidentsPhotoCard()
    {
        var request = ByProxy(null, Make.Document(holder: DocumentHolder.Proxy)) with { Card = Make.Card(hasPhoto: true) };

        Expect.Broken(Check(request), "R-RV-01", "documents");
    }

    [Theory]
    [InlineData("none")]
    [InlineData("expired")]
    [InlineData("the resident's only")]
    public void Check_WhenProxyWithoutOwnAcceptedPhotoDocument_Refuses(string what)
    {
        PresentedIdentityDocument[] documents = what switch
        {
            "expired" => [Make.Document(holder: DocumentHolder.Proxy, expiresOn: Make.Today.AddDays(-1))],
            "the resident's only" => [Make.Document(holder: DocumentHolder.Resident)],
            _ => [],
        };
        using var culture = new UiCultureScope("ja-JP");

        var broken = Expect.Broken(Check(ByProxy(SignedAndSealed, documents) with { Card = Make.Card() }), "R-RV-01", "documents");

        Assert.Equal("代理人本人の顔写真付きの本人確認書類（有効期限内のもの）が必要です。", broken.Message);
    }

    [Fact]
    public void Check_WhenProxyBringsNothing_NamesEverythingMissing()
    {
        using var culture = new UiCultureScope("en-US");

        var decision = Check(ByProxy(null));

        var broken = Assert.Single(decision.BrokenRules);
        Assert.Contains("power of attorney signed and sealed", broken.Message, StringComparison.Ordinal);
        Assert.Contains("proxy's own accepted photo identity document", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenProxyBringsNothingInJapanese_NamesEverythingMissingInJapanese()
    {
        using var culture = new UiCultureScope("ja-JP");

        var broken = Assert.Single(Check(ByProxy(null)).BrokenRules);

        Expect.Japanese(broken.Message);
        Assert.Contains("委任状", broken.Message, StringComparison.Ordinal);
        Assert.Contains("代理人本人の顔写真付き", broken.Message, StringComparison.Ordinal);
    }

    private static Decision Check(RevocationRequest request) => RevocationRules.Check(request, IdentityDocumentCatalog.Default);

    private static RevocationRequest InPerson(ResidentCard? card, params PresentedIdentityDocument[] documents) =>
        new(ApplicantKind.InPerson, card, documents, null, Make.Today);

    private static RevocationRequest ByProxy(PowerOfAttorney? powerOfAttorney, params PresentedIdentityDocument[] documents) =>
        new(ApplicantKind.Proxy, null, documents, powerOfAttorney, Make.Today);
}
