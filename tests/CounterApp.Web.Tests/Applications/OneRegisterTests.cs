using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Store;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.Residents;
using CounterApp.Web.Features.Revocation;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Applications;

/// <summary>
/// One certificate register (issue 13): a certificate's status lives only in the CA register, so the resident's page,
/// the application page and the CA's OCSP answer cannot disagree, whichever path revoked it, including a revocation
/// made in the CA register alone.
/// </summary>
public sealed class OneRegisterTests(PostgresServer postgres)
{
    private const string Taro = "16322800001";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-03")]
    public async Task Revoke_WhenOnlyTheCaRegisterRevokes_TheResidentAndApplicationPagesShowItRevoked(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (applicationId, serial) = await IssueAsync(kit);
        await AssertAgreeAsync(kit, applicationId, serial, expectedReason: null);

        // Nothing on the counter's side is touched: only the CA (what OCSP and the CRL read).
        Assert.Equal(RevokeOutcome.Revoked, kit.Ca.Authority.Revoke(CertificateSerial.Parse(serial), RevocationReason.KeyCompromise, kit.Clock.Now));

        await AssertAgreeAsync(kit, applicationId, serial, RevocationReason.KeyCompromise);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    [Trait("Rule", "R-RV-03")]
    public async Task Revoke_WhenTheResidentAsksAtTheCounter_ResidentPageApplicationPageAndOcspAgree(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (applicationId, serial) = await IssueAsync(kit);

        await using (var scope = kit.Services.CreateAsyncScope())
        {
            var handler = ActivatorUtilities.CreateInstance<RevokeCertificateHandler>(scope.ServiceProvider);
            var result = await handler.HandleAsync(new RevokeCertificate(
                await kit.ResidentIdAsync(Taro), serial, Procedure.CompromiseNotice, ApplicantKind.InPerson, "driver-licence", kit.Today.AddYears(-2), kit.Today.AddYears(1), true,
                false, false, "image/png", IssuanceKit.Scan, IssuanceKit.Clerk, kit.OfficeId, kit.CounterId));
            Assert.True(result.Succeeded, result.Message);
        }

        await AssertAgreeAsync(kit, applicationId, serial, RevocationReason.KeyCompromise);
        await AssertOneRevocationAuditedAsync(kit, serial);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-02")]
    [Trait("Rule", "R-RV-03")]
    public async Task Revoke_WhenTheRegisterAsksForIt_ResidentPageApplicationPageAndOcspAgree(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (applicationId, serial) = await IssueAsync(kit);
        await using (var db = kit.NewContext())
        {
            var certificateId = await db.Certificates.Where(c => c.Serial == serial).Select(c => c.Id).SingleAsync();
            db.RevocationRequests.Add(new CounterApp.Web.Data.Entities.RevocationRequestRecord
            {
                CertificateId = certificateId,
                Reason = RevocationReason.AffiliationChanged,
                EffectiveAt = kit.Clock.Now.AddMinutes(-5).UtcDateTime,
                RuleId = "R-RV-02",
                Cause = "AddressChanged",
                RequestedAt = kit.Clock.Now.UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        await using (var scope = kit.Services.CreateAsyncScope())
        {
            var processor = ActivatorUtilities.CreateInstance<CounterApp.Web.Features.CertificateAuthority.RevocationProcessor>(scope.ServiceProvider);
            Assert.Equal(1, await processor.ProcessPendingAsync());
        }

        await AssertAgreeAsync(kit, applicationId, serial, RevocationReason.AffiliationChanged);
        await AssertOneRevocationAuditedAsync(kit, serial);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-03")]
    public async Task Schema_AfterOneRegister_CertificatesKeepNoStatusNorDerOfTheirOwn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = database.NewContext();
        var columns = provider == DatabaseProvider.Sqlite
            ? await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('certificates')").ToListAsync()
            : await db.Database.SqlQueryRaw<string>("SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'certificates'").ToListAsync();

        Assert.Equal(["application_id", "card_id", "expires_on", "id", "is_locked", "issued_on", "resident_id", "serial"], columns.Order(StringComparer.Ordinal));
        var model = db.Model.FindEntityType(typeof(CounterApp.Web.Data.Entities.CertificateRecord))!;
        Assert.DoesNotContain(model.GetProperties(), p => p.Name is "Status" or "RevokedAt" or "RevocationReason" or "Der");
    }

    private static async Task<(Guid ApplicationId, string Serial)> IssueAsync(IssuanceKit kit)
    {
        await using var card = new CardInReader(kit.NewCard(Taro));
        var id = await kit.PaidAsync(Taro, documentType: "resident-card-photo");
        var issued = await kit.CardAsync(id, card.Connection);
        IssuanceKit.Require(issued);
        return (id, issued.CertificateSerial!);
    }

    /// <summary>The resident's page, the issuing application's page and the CA's OCSP answer say the same thing.</summary>
    private static async Task AssertAgreeAsync(IssuanceKit kit, Guid applicationId, string serial, RevocationReason? expectedReason)
    {
        var ocsp = kit.Ca.Responder.StatusOf(CertificateSerial.Parse(serial));
        await using var db = kit.NewContext();
        var statuses = TestRegister.Statuses(db);
        var residentPage = await new ResidentDetailHandler(db, statuses, kit.Clock).GetAsync(await kit.ResidentIdAsync(Taro));
        var line = Assert.Single(residentPage!.Certificates, c => c.Serial == serial);
        var applicationPage = await ApplicationView.LoadAsync(db, statuses, applicationId);
        var shown = Assert.Single(applicationPage!.Certificates, c => c.Serial == serial);

        if (expectedReason is null)
        {
            Assert.Equal(OcspCertStatusKind.Good, ocsp.Kind);
            Assert.Equal((CertificateStatus.Active, (RevocationReason?)null), (line.Status, line.RevocationReason));
            Assert.True(shown.Valid);
            return;
        }

        Assert.Equal((OcspCertStatusKind.Revoked, expectedReason), (ocsp.Kind, ocsp.Reason));
        Assert.Equal((CertificateStatus.Revoked, expectedReason), (line.Status, line.RevocationReason));
        Assert.Equal((false, expectedReason), (shown.Valid, shown.Reason));
        Assert.Equal(ocsp.RevokedAt!.Value.UtcDateTime, shown.RevokedAt);
    }

    private static async Task AssertOneRevocationAuditedAsync(IssuanceKit kit, string serial) =>
        Assert.Single(await kit.AuditAsync(), a => a.Action == CounterApp.Web.Applications.CertificateRegister.RevokedAction && a.Details!.Contains(serial, StringComparison.Ordinal));
}
