using System.Security.Cryptography;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data;
using CounterApp.Web.Tests.Features.CaStatus;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.Residents;

/// <summary>
/// R-RV-02 end to end below the page, on SQLite and PostgreSQL: a register event revokes the resident's certificate
/// through the CA, and the resident's detail says why (the event kind and its ID) and when, in the same seven queries.
/// </summary>
[Trait("Rule", "R-RV-02")]
public sealed class RegisterRevocationWhyTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_WhenTheRegisterReportsAMoveOut_TheCertificateSaysWhyWhenAndWhichEvent(DatabaseProvider provider)
    {
        await using var kit = await CaStatusKit.CreateAsync(provider, postgres);
        using var cardKey = RSA.Create(2048);
        var (issued, _) = await CaIssuing.IssueAsync(kit.Services, cardKey);
        using var _ = issued;
        var residentId = await kit.ResidentIdAsync(CaIssuing.ResidentCode);
        await kit.RegisterEventAsync(CaStatusHandlerTests.Event("ev-why-1", "AddressChanged", newValues: """{"address":"富山県中新川郡上市町法音寺2番地"}"""));
        Assert.Equal(1, await kit.ProcessRevocationsAsync());

        kit.Counter.Reset();
        var detail = await kit.DetailAsync(residentId);

        Assert.Equal(7, kit.Counter.Count);
        var line = Assert.Single(detail!.Certificates, c => c.Serial == issued.Serial.Hex);
        Assert.Equal((CertificateStatus.Revoked, RevocationReason.AffiliationChanged), (line.Status, line.RevocationReason));
        Assert.Equal(new DateTime(2026, 11, 20, 9, 0, 0), line.RevokedAt);
        var cause = Assert.IsType<CounterApp.Web.Features.Residents.RevocationCause>(line.Cause);
        Assert.Equal(("R-RV-02", RegisterEventKind.AddressChanged, "ev-why-1", false), (cause.RuleId, cause.EventKind, cause.EventId, cause.FromImport));
        Assert.Equal(CounterAppFactory.Now.DateTime, cause.RecordedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_WhenTheCardIsReturnedAfterAnEarlierEvent_LinksTheEventThatRevokedThisCertificate(DatabaseProvider provider)
    {
        await using var kit = await CaStatusKit.CreateAsync(provider, postgres);
        using var cardKey = RSA.Create(2048);
        var (issued, _) = await CaIssuing.IssueAsync(kit.Services, cardKey);
        using var _ = issued;
        var residentId = await kit.ResidentIdAsync(CaIssuing.ResidentCode);
        // An event that revokes nothing (another resident), then the card's return, which revokes this certificate.
        await kit.RegisterEventAsync(CaStatusHandlerTests.Event("ev-other", "Died", code: "16322800002"));
        await kit.RegisterEventAsync(CaStatusHandlerTests.Event("ev-return", "CardReturned", card: "K0001"));
        await kit.ProcessRevocationsAsync();

        var detail = await kit.DetailAsync(residentId);

        var line = Assert.Single(detail!.Certificates, c => c.Serial == issued.Serial.Hex);
        Assert.Equal(RevocationReason.CessationOfOperation, line.RevocationReason);
        Assert.Equal((RegisterEventKind.CardReturned, "ev-return"), (line.Cause?.EventKind, line.Cause?.EventId));
        // The demo's certificates revoked by nothing of the register carry no cause.
        Assert.All(detail.Certificates.Where(c => c.Serial != issued.Serial.Hex), c => Assert.Null(c.Cause));
    }
}
