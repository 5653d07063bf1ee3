using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>R-CA-04 at the card step of an issuance and of a renewal, through the handler, on both databases.</summary>
public sealed class CardOwnerStepTests(PostgresServer postgres)
{
    private const string Taro = "16322800001";
    private const string HanakosCard = "K0002";

    private static readonly string RefusalNamingHanakosCard =
        $"カードリーダーのカード（カード番号 {HanakosCard}、ICチップ番号 {SimulatedCards.SerialFor(HanakosCard)}）は、この住民の有効な個人番号カードではありません（R-CA-04）。";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    public async Task CardStep_WhenAnotherResidentsCardIsInTheReader_IsRefusedAndTheApplicationWaitsForTheirOwnCard(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.PaidAsync(Taro, documentType: "resident-card-photo");

        IssuanceResult refused;
        await using (var hanakos = new CardInReader(kit.NewCard("16322800002")))
        {
            refused = await kit.CardAsync(id, hanakos.Connection);
            Assert.Null(hanakos.Card.Summarize().PublicKeySha256);
        }

        Assert.Equal(IssuanceOutcome.Retry, refused.Outcome);
        Assert.StartsWith(RefusalNamingHanakosCard, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("剱", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.FeePaid, (await kit.ApplicationAsync(id)).State);
        Assert.Equal(0, await CertificatesOfAsync(kit, Taro));

        await using var own = new CardInReader(kit.NewCard(Taro));
        IssuanceKit.Require(await kit.CardAsync(id, own.Connection));
        Assert.Equal(1, await CertificatesOfAsync(kit, Taro));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    [Trait("Rule", "R-CE-04")]
    public async Task RenewalCardStep_WhenAnotherResidentsCardIsInTheReader_IsRefusedAndTheOldCertificateStaysValid(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var own = new CardInReader(kit.NewCard(Taro));
        var first = await kit.PaidAsync(Taro, documentType: "resident-card-photo");
        var issued = await kit.CardAsync(first, own.Connection);
        IssuanceKit.Require(issued);
        await using (var db = kit.NewContext())
        {
            var old = await db.Certificates.SingleAsync(c => c.Serial == issued.CertificateSerial);
            old.ExpiresOn = kit.Today.AddMonths(2);
            await db.SaveChangesAsync();
        }

        var renewal = await kit.PaidAsync(Taro, Procedure.Renewal, "resident-card-photo");
        await using var hanakos = new CardInReader(kit.NewCard("16322800002"));
        var refused = await kit.CardAsync(renewal, hanakos.Connection, password: "NEW2PASS");

        Assert.Equal(IssuanceOutcome.Retry, refused.Outcome);
        Assert.StartsWith(RefusalNamingHanakosCard, refused.Message, StringComparison.Ordinal);
        Assert.Null(hanakos.Card.Summarize().PublicKeySha256);
        Assert.Equal(ApplicationState.FeePaid, (await kit.ApplicationAsync(renewal)).State);
        await using (var db = kit.NewContext())
        {
            var certificates = await db.Certificates.AsNoTracking().Where(c => c.ResidentId == db.Residents.Single(r => r.ResidentCode == Taro).Id).ToListAsync();
            var only = Assert.Single(certificates);
            Assert.Equal((issued.CertificateSerial, CertificateStatus.Active), (only.Serial, (await TestRegister.RowAsync(db, only.Serial)).Status));
        }

        IssuanceKit.Require(await kit.CardAsync(renewal, own.Connection, password: "NEW2PASS"));
    }

    private static async Task<int> CertificatesOfAsync(IssuanceKit kit, string residentCode)
    {
        await using var db = kit.NewContext();
        return await db.Certificates.CountAsync(c => c.ResidentId == db.Residents.Single(r => r.ResidentCode == residentCode).Id);
    }
}
