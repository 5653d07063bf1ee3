using CounterApp.Domain.Documents;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Documents;

[Trait("Rule", "R-ID-02")]
public sealed class DocumentAddressRuleTests
{
    private static readonly PresentedIdentityDocument NotUpdated = Given.DriverLicence with { AddressMatchesRegister = false };

    private static readonly SupervisorOverride Approval = new("R-ID-02", "係長 立山", "転居届の受理証明で新住所を確認した");

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheAddressWasNotUpdatedAndNoOverride_IsRefused()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = IdentityDocumentRules.Check(NotUpdated, Given.Catalog, Given.Today);

        var broken = Expect.Broken(decision, "R-ID-02", "document.addressMatchesRegister");
        Assert.Single(decision.BrokenRules);
        Assert.Empty(decision.Overrides);
        Assert.Equal("本人確認書類の住所が住民票の住所に変更されていないため、原則として受け付けられません（係長の承認があれば受付可）。", broken.Message);
    }

    [Fact]
    public void Check_WhenASupervisorOverridesR_ID_02_IsAllowedAndRecordsWhoWhyAndWhat()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = IdentityDocumentRules.Check(NotUpdated, Given.Catalog, Given.Today, [Approval]);

        Assert.True(decision.IsAllowed);
        var applied = Assert.Single(decision.Overrides);
        Assert.Equal("R-ID-02", applied.OverrideRuleId);
        Assert.Equal("係長 立山", applied.Supervisor);
        Assert.Equal("転居届の受理証明で新住所を確認した", applied.Reason);
        Assert.Equal("R-ID-02", applied.SetAside.RuleId);
        Assert.Equal("document.addressMatchesRegister", applied.SetAside.Field);
        Expect.Japanese(applied.SetAside.Message);
    }

    [Fact]
    public void Check_WhenAnOverrideIsGivenButNothingIsBroken_RecordsNoOverride()
    {
        var decision = IdentityDocumentRules.Check(Given.DriverLicence, Given.Catalog, Given.Today, [Approval]);

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.Overrides);
    }

    [Fact]
    [Trait("Rule", "R-ID-03")]
    public void Check_WhenOverriddenButAlsoExpired_StillRefusesForTheExpiry()
    {
        var document = NotUpdated with { ExpiresOn = Given.Today.AddDays(-1) };

        var decision = IdentityDocumentRules.Check(document, Given.Catalog, Given.Today, [Approval]);

        Assert.False(decision.IsAllowed);
        Expect.BrokenExactly(decision, ("R-ID-03", "document.expiresOn"));
        Assert.Equal("R-ID-02", Assert.Single(decision.Overrides).SetAside.RuleId);
    }

    [Fact]
    public void Check_WhenOnlyACounterHoursOverrideIsGiven_StillRefusesTheAddress()
    {
        var hours = new SupervisorOverride("R-HR-03", "係長 立山", "閉庁後の受付を承認");

        var decision = IdentityDocumentRules.Check(NotUpdated, Given.Catalog, Given.Today, [hours]);

        Assert.True(decision.Breaks("R-ID-02"));
        Assert.Empty(decision.Overrides);
    }

    [Theory]
    [InlineData("R-ID-01")]
    [InlineData("R-ID-03")]
    [InlineData("R-ID-05")]
    [InlineData("R-EL-01")]
    [InlineData("R-EL-03")]
    [InlineData("R-VI-03")]
    [InlineData("R-VI-04")]
    [InlineData("R-PX-02")]
    [InlineData("R-PX-03")]
    public void SupervisorOverride_WhenTheRuleIsNotOverridable_Throws(string ruleId)
    {
        var error = Assert.Throws<ArgumentException>(() => new SupervisorOverride(ruleId, "係長 立山", "理由"));

        Assert.Equal("ruleId", error.ParamName);
    }

    [Theory]
    [InlineData("", "理由")]
    [InlineData("  ", "理由")]
    [InlineData("係長 立山", "")]
    [InlineData("係長 立山", "   ")]
    public void SupervisorOverride_WhenWhoOrWhyIsBlank_Throws(string supervisor, string reason)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SupervisorOverride("R-ID-02", supervisor, reason));
    }

    [Fact]
    public void Check_WhenTheProxysOwnDocumentShowsAnotherAddress_IsNotComparedWithTheRegister()
    {
        // A proxy's address is not on this resident's register; only the resident's documents are compared.
        var document = NotUpdated with { Holder = DocumentHolder.Proxy };

        Assert.True(IdentityDocumentRules.Check(document, Given.Catalog, Given.Today).IsAllowed);
    }

    [Fact]
    public void Check_WhenTheAdministratorMarkedTheTypeAsNeedingNoAddressCheck_IsNotComparedWithTheRegister()
    {
        var catalog = new IdentityDocumentCatalog(Given.Catalog.Types.Select(t => t.Code == NotUpdated.TypeCode ? t with { AddressCheck = false } : t));

        Assert.True(IdentityDocumentRules.Check(NotUpdated, catalog, Given.Today).IsAllowed);
        Assert.True(IdentityDocumentRules.Check(NotUpdated, Given.Catalog, Given.Today).Breaks("R-ID-02"));
    }
}
