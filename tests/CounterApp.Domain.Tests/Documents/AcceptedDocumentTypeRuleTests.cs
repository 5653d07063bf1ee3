using CounterApp.Domain.Documents;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Documents;

[Trait("Rule", "R-ID-01")]
public sealed class AcceptedDocumentTypeRuleTests
{
    // The legal list as SPEC.md R-ID-01 and seed 004 give it.
    public static TheoryData<string> LegalList =>
    [
        "旅券", "運転免許証", "運転経歴証明書", "船員手帳", "海技免状", "小型船舶操縦免許証", "猟銃・空気銃所持許可証",
        "身体障害者手帳", "戦傷病者手帳", "宅地建物取引主任者証", "電気工事士免状", "無線従事者免許証",
        "認定電気工事従事者認定証", "特種電気工事資格者認定証", "耐空検査員の証", "航空従事者技能証明書",
        "運行管理者技能検定合格証明書", "動力車操縦者運転免許証", "教習資格認定証", "検定合格証",
        "住民基本台帳カード（顔写真付き）", "官公署がその職員に発行した顔写真付きの身分証明書",
    ];

    public static TheoryData<string> DefaultCodes => new(IdentityDocumentCatalog.Default.Types.Select(t => t.Code));

    [Theory]
    [MemberData(nameof(LegalList))]
    public void Default_WhenAskedForADocumentOnTheLegalList_HasItAccepted(string name)
    {
        Assert.Contains(IdentityDocumentCatalog.Default.Types, t => t.Accepted && t.NameJa.StartsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public void Default_WhenCounted_HoldsExactlyTheLegalList()
    {
        Assert.Equal(22, IdentityDocumentCatalog.Default.Types.Count);
        Assert.Equal(22, IdentityDocumentCatalog.Default.Types.Select(t => t.Code).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(DefaultCodes))]
    public void Check_WhenAnyDocumentOnTheListIsInOrder_IsAccepted(string code)
    {
        var document = Given.DriverLicence with { TypeCode = code, IssuedOn = new DateOnly(2020, 4, 1) };

        Assert.True(IdentityDocumentRules.Check(document, Given.Catalog, Given.Today).IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheDrivingRecordWasIssuedOn20120331_IsRefused()
    {
        using var culture = new UiCultureScope("ja-JP");
        var document = Given.DriverLicence with { TypeCode = "driving-record", IssuedOn = new DateOnly(2012, 3, 31), ExpiresOn = null };

        var decision = IdentityDocumentRules.Check(document, Given.Catalog, Given.Today);

        var broken = Expect.Broken(decision, "R-ID-01", "document.type");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("「運転経歴証明書（平成24年4月1日以後交付）」は平成24年4月1日以後に交付されたものに限り受け付けます。", broken.Message);
    }

    [Fact]
    public void Check_WhenTheDrivingRecordWasIssuedOn20120401_IsAccepted()
    {
        var document = Given.DriverLicence with { TypeCode = "driving-record", IssuedOn = new DateOnly(2012, 4, 1), ExpiresOn = null };

        Assert.True(IdentityDocumentRules.Check(document, Given.Catalog, Given.Today).IsAllowed);
    }

    [Fact]
    public void Check_WhenTheDrivingRecordHasNoIssueDate_IsRefused()
    {
        // Without an issue date the clerk cannot show it is one of the accepted ones.
        var document = Given.DriverLicence with { TypeCode = "driving-record", IssuedOn = null, ExpiresOn = null };

        Assert.True(IdentityDocumentRules.Check(document, Given.Catalog, Given.Today).Breaks("R-ID-01"));
    }

    [Fact]
    public void Check_WhenAnOldDriversLicenceWasIssuedBefore2012_IsAccepted()
    {
        // The 2012-04-01 cut-off applies to 運転経歴証明書 only.
        var document = Given.DriverLicence with { IssuedOn = new DateOnly(2009, 5, 1) };

        Assert.True(IdentityDocumentRules.Check(document, Given.Catalog, Given.Today).IsAllowed);
    }

    [Theory]
    [InlineData("health-insurance")]
    [InlineData("student-id")]
    [InlineData("")]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheDocumentIsNotOnTheList_IsRefusedNamingIt(string code)
    {
        using var culture = new UiCultureScope("ja-JP");
        var document = Given.DriverLicence with { TypeCode = code };

        var decision = IdentityDocumentRules.Check(document, Given.Catalog, Given.Today);

        var broken = Expect.Broken(decision, "R-ID-01", "document.type");
        Assert.Equal($"「{code}」は本人確認書類として受け付けられません（法令で定める顔写真付きの本人確認書類に限ります）。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenAnAdministratorRetiredAType_IsRefusedByItsJapaneseName()
    {
        using var culture = new UiCultureScope("ja-JP");
        var catalog = new IdentityDocumentCatalog(
            IdentityDocumentCatalog.Default.Types.Select(t => t.Code == "real-estate" ? t with { Accepted = false } : t));
        var document = Given.DriverLicence with { TypeCode = "real-estate" };

        var decision = IdentityDocumentRules.Check(document, catalog, Given.Today);

        Assert.Contains("宅地建物取引主任者証", Expect.Broken(decision, "R-ID-01", "document.type").Message, StringComparison.Ordinal);
        Assert.True(IdentityDocumentRules.Check(document, Given.Catalog, Given.Today).IsAllowed);
    }

    [Fact]
    public void Check_WhenAnAdministratorAddedAType_IsAccepted()
    {
        var catalog = new IdentityDocumentCatalog(
            [.. IdentityDocumentCatalog.Default.Types, new IdentityDocumentType("individual-number-card", "個人番号カード", "Individual number card")]);
        var document = Given.DriverLicence with { TypeCode = "individual-number-card" };

        Assert.True(IdentityDocumentRules.Check(document, catalog, Given.Today).IsAllowed);
        Assert.True(IdentityDocumentRules.Check(document, Given.Catalog, Given.Today).Breaks("R-ID-01"));
    }
}
