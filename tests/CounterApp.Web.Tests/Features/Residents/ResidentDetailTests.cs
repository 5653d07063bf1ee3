using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.Residents;

public sealed class ResidentDetailTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task Get_WhenResidentHasHistory_ShowsCardsCertificatesApplicationsLettersReceiptsAndOnlyTheirAudit(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        await kit.AddHistoryAsync("16322800007", rounds: 3);

        var detail = await kit.DetailAsync(await kit.IdOfAsync("16322800007"));

        Assert.NotNull(detail);
        Assert.Equal(("弓庄", "恵子", RegisterStatus.Registered), (detail.Resident.FamilyName, detail.Resident.GivenName, detail.Resident.RegisterStatus));
        Assert.Equal(ResidentKit.Today, detail.Today);
        Assert.Equal("K0007", Assert.Single(detail.Cards).CardNumber);

        Assert.Equal(2, detail.Certificates.Count);
        var current = detail.Certificates[0];
        Assert.Equal(("3A0F1C55D2E4B6A8", CertificateStatus.Active, "K0007"), (current.Serial, current.Status, current.CardNumber));
        var old = detail.Certificates[1];
        Assert.Equal((CertificateStatus.Revoked, RevocationReason.Superseded), (old.Status, old.RevocationReason));
        Assert.Equal(new DateTime(2023, 11, 14, 10, 0, 0), old.RevokedAt); // Tokyo wall-clock time

        Assert.Equal(3, detail.Applications.Count);
        Assert.Equal([Procedure.Renewal, Procedure.NewIssuance, Procedure.Renewal], detail.Applications.Select(a => a.Procedure).Reverse());
        Assert.All(detail.Applications, a => Assert.Equal(ApplicationState.Completed, a.State));
        Assert.Equal(ResidentKit.Now.AddDays(-28).DateTime, detail.Applications[0].ReceivedAt);

        Assert.Equal(3, detail.Letters.Count);
        Assert.Equal(3, detail.Receipts.Count);
        Assert.Equal([null, PaymentVoidKind.Void, null], detail.Receipts.Select(r => r.VoidKind));
        Assert.All(detail.Receipts, r => Assert.Equal(500, r.Total));
        Assert.Equal("書込み失敗", detail.Receipts[1].VoidReason);

        Assert.Equal(3, detail.Audit.Count);
        Assert.All(detail.Audit, e => Assert.Equal("test.step", e.Action));
        Assert.False(detail.AuditHasMore);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-04")]
    public async Task Get_WhenCertificateIsInItsRenewalWindow_OffersRenewalOtherwiseNot(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);

        var inWindow = await kit.DetailAsync(await kit.IdOfAsync("16322800007"));   // expires in a month
        var notYet = await kit.DetailAsync(await kit.IdOfAsync("16322800008"));     // expires in two years (locked)
        var none = await kit.DetailAsync(await kit.IdOfAsync("16322800001"));       // no certificate

        Assert.Equal("3A0F1C55D2E4B6A8", inWindow!.Renewable?.Serial);
        Assert.Null(notYet!.Renewable);
        Assert.True(Assert.Single(notYet.Certificates).IsLocked);
        Assert.Null(none!.Renewable);
        Assert.Empty(none.Certificates);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_WhenManyOrFewRows_SendsTheSameSevenCommands(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        await kit.AddHistoryAsync("16322800007", rounds: 12);
        var busy = await kit.IdOfAsync("16322800007");
        var quiet = await kit.IdOfAsync("16322800001");

        kit.Counter.Reset();
        var detail = await kit.DetailAsync(busy);
        var busyCommands = kit.Counter.Count;
        kit.Counter.Reset();
        await kit.DetailAsync(quiet);
        var quietCommands = kit.Counter.Count;

        Assert.Equal(12, detail!.Receipts.Count);
        Assert.Equal(7, busyCommands);
        Assert.Equal(7, quietCommands);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_WhenNoSuchResident_ReturnsNullAfterOneCommand(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        kit.Counter.Reset();

        Assert.Null(await kit.DetailAsync(987_654));
        Assert.Equal(1, kit.Counter.Count);
    }
}
