using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;

namespace CounterApp.Domain.Tests.Fees;

[Trait("Rule", "R-FE-01")]
public sealed class FeeRulesTests
{
    [Fact]
    public void LinesFor_WhenNewIssuance_Is500Yen()
    {
        var lines = FeeRules.LinesFor(Procedure.NewIssuance, newResidentCard: false, FeeSchedule.Default);

        Assert.Equal([new FeeLine(FeeItem.CertificateIssuance, 500)], lines);
        Assert.Equal(500, FeeRules.Total(lines));
    }

    [Fact]
    public void LinesFor_WhenRenewal_Is500YenAsARenewal()
    {
        var lines = FeeRules.LinesFor(Procedure.Renewal, newResidentCard: false, FeeSchedule.Default);

        Assert.Equal([new FeeLine(FeeItem.CertificateRenewal, 500)], lines);
    }

    [Theory]
    [InlineData(Procedure.NewIssuance, FeeItem.CertificateIssuance)]
    [InlineData(Procedure.Renewal, FeeItem.CertificateRenewal)]
    public void LinesFor_WhenANewResidentCardIsMadeToo_PutsTheCardOnItsOwnLine(Procedure procedure, FeeItem certificateItem)
    {
        var lines = FeeRules.LinesFor(procedure, newResidentCard: true, FeeSchedule.Default);

        Assert.Equal([new FeeLine(certificateItem, 500), new FeeLine(FeeItem.ResidentCard, 500)], lines);
        Assert.Equal(1000, FeeRules.Total(lines));
    }

    [Theory]
    [InlineData(Procedure.RevocationRequest)]
    [InlineData(Procedure.CompromiseNotice)]
    [InlineData(Procedure.Unlock)]
    [InlineData(Procedure.PasswordChange)]
    [InlineData(Procedure.CardPinReset)]
    public void LinesFor_WhenFreeProcedure_HasNoLines(Procedure procedure)
    {
        var lines = FeeRules.LinesFor(procedure, newResidentCard: false, FeeSchedule.Default);

        Assert.Empty(lines);
        Assert.Equal(0, FeeRules.Total(lines));
    }

    [Fact]
    public void LinesFor_WhenEveryProcedure_ChargesExactlyTheCertificateProcedures()
    {
        var charged = Enum.GetValues<Procedure>().Where(p => FeeRules.LinesFor(p, false, FeeSchedule.Default).Count > 0);

        Assert.Equal([Procedure.NewIssuance, Procedure.Renewal], charged);
    }

    [Fact]
    public void LinesFor_WhenScheduleConfigured_UsesTheConfiguredAmounts()
    {
        var schedule = new FeeSchedule(Issuance: 600, Renewal: 400, ResidentCard: 1000);

        Assert.Equal(
            [new FeeLine(FeeItem.CertificateIssuance, 600), new FeeLine(FeeItem.ResidentCard, 1000)],
            FeeRules.LinesFor(Procedure.NewIssuance, newResidentCard: true, schedule));
        Assert.Equal([new FeeLine(FeeItem.CertificateRenewal, 400)], FeeRules.LinesFor(Procedure.Renewal, newResidentCard: false, schedule));
    }

    [Fact]
    public void Default_WhenDemoSeed_Is500YenForEveryItem()
    {
        Assert.Equal(new FeeSchedule(500, 500, 500), FeeSchedule.Default);
        foreach (var item in Enum.GetValues<FeeItem>())
        {
            Assert.Equal(500, FeeSchedule.Default.AmountOf(item));
        }
    }

    [Fact]
    public void AmountOf_WhenConfigured_ReturnsEachItemsAmount()
    {
        var schedule = new FeeSchedule(Issuance: 600, Renewal: 400, ResidentCard: 1000);

        Assert.Equal(600, schedule.AmountOf(FeeItem.CertificateIssuance));
        Assert.Equal(400, schedule.AmountOf(FeeItem.CertificateRenewal));
        Assert.Equal(1000, schedule.AmountOf(FeeItem.ResidentCard));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.AmountOf((FeeItem)99));
    }

    [Fact]
    public void LinesFor_WhenNoSchedule_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FeeRules.LinesFor(Procedure.NewIssuance, false, null!));
    }
}
