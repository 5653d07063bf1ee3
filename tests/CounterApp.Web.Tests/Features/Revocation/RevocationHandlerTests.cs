using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Revocation;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Revocation;

/// <summary>
/// Revocation at the counter (R-RV-01, R-RV-03) on both providers: in person, by proxy with and without 委任状, and every
/// refusal; the CA's store (what OCSP reads) says revoked right after, and nothing is saved when refused.
/// </summary>
public sealed class RevocationHandlerTests(PostgresServer postgres)
{
    private const string Taro = "16322800001";

    /// <summary>弓庄 恵子: a demo certificate, the CA register's legacy record (no DER).</summary>
    private const string Keiko = "16322800007";

    private const string KeikoSerial = "3A0F1C55D2E4B6A8";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    [Trait("Rule", "R-RV-03")]
    [Trait("Rule", "R-X-01")]
    public async Task Revoke_WhenInPersonWithAnAcceptedDocument_RevokesInTheCaAndOnTheRecordAndCompletesTheApplication(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var serial = await IssueAsync(kit);

        var result = await RevokeAsync(kit, await kit.ResidentIdAsync(Taro), serial);

        IssuanceKitRequire(result);
        Assert.Equal(serial, result.Serial);
        var status = kit.Ca.Store.FindStatus(CertificateSerial.Parse(serial));
        Assert.NotNull(status);
        Assert.True(status.IsRevoked);
        Assert.Equal(RevocationReason.CessationOfOperation, status.Revocation!.Reason);
        Assert.Equal(kit.Clock.Now, status.Revocation.RevokedAt);
        await using var db = kit.NewContext();
        var certificate = await TestRegister.RowAsync(db, serial);
        Assert.Equal((CertificateStatus.Revoked, RevocationReason.CessationOfOperation), (certificate.Status, certificate.RevocationReason));
        Assert.Equal(kit.Clock.Now.UtcDateTime, certificate.RevokedAt);
        var application = await kit.ApplicationAsync(result.ApplicationId!.Value);
        Assert.Equal((Procedure.RevocationRequest, ApplicantKind.InPerson, ApplicationState.Completed), (application.Procedure, application.Applicant, application.State));
        Assert.Equal(
            [ApplicationState.Received, ApplicationState.IdentityVerified, ApplicationState.Completed],
            application.History.OrderBy(h => h.Sequence).Select(h => h.ToState));
        var document = Assert.Single(application.Documents);
        Assert.Equal(("driver-licence", PresentedDocumentKind.IdentityDocument), (document.TypeCode, document.Kind));
        Assert.True(await db.DocumentCopies.AnyAsync(c => c.PresentedDocumentId == document.Id));
        var revoked = Assert.Single(await kit.AuditAsync(), a => a.Action == RevokeCertificateHandler.RevokedAction && a.Details!.Contains(serial, StringComparison.Ordinal));
        Assert.Equal((IssuanceKit.Clerk, Taro, AuditOutcomes.Succeeded), (revoked.Actor, revoked.ResidentCode, revoked.Outcome));
        Assert.Contains("R-RV-01", revoked.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    public async Task Revoke_WhenAProxyHasNoPowerOfAttorney_IsRejectedAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var serial = await IssueAsync(kit);
        var applicationsBefore = await CountApplicationsAsync(kit);

        var result = await RevokeAsync(kit, await kit.ResidentIdAsync(Taro), serial, ApplicantKind.Proxy, signed: false, sealed_: false);

        Assert.Equal(RevocationOutcome.Rejected, result.Outcome);
        var broken = Assert.Single(result.BrokenRules);
        Assert.Equal(("R-RV-01", "documents"), (broken.RuleId, broken.Field));
        Assert.Contains("委任状", broken.Message, StringComparison.Ordinal);
        Assert.False(kit.Ca.Store.FindStatus(CertificateSerial.Parse(serial))!.IsRevoked);
        await using var db = kit.NewContext();
        Assert.Equal(CertificateStatus.Active, (await TestRegister.RowAsync(db, serial)).Status);
        Assert.Equal(applicationsBefore, await CountApplicationsAsync(kit));
        var refused = Assert.Single(await kit.AuditAsync(), a => a.Action == RevokeCertificateHandler.RefusedAction);
        Assert.Equal((AuditOutcomes.Refused, Taro), (refused.Outcome, refused.ResidentCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    [Trait("Rule", "R-RV-03")]
    public async Task Revoke_WhenAProxyBringsASignedSealedPowerOfAttorneyAndTheirOwnDocument_RevokesTheCompromisedKey(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var serial = await IssueAsync(kit);

        var result = await RevokeAsync(kit, await kit.ResidentIdAsync(Taro), serial, ApplicantKind.Proxy, Procedure.CompromiseNotice, addressMatches: false);

        IssuanceKitRequire(result);
        Assert.Equal(RevocationReason.KeyCompromise, kit.Ca.Store.FindStatus(CertificateSerial.Parse(serial))!.Revocation!.Reason);
        var application = await kit.ApplicationAsync(result.ApplicationId!.Value);
        Assert.Equal((Procedure.CompromiseNotice, ApplicantKind.Proxy, ApplicationState.Completed), (application.Procedure, application.Applicant, application.State));
        Assert.Contains(application.Documents, d => d.Kind == PresentedDocumentKind.PowerOfAttorney);
        Assert.Contains(application.Documents, d => d.Kind == PresentedDocumentKind.IdentityDocument && d.Holder == Domain.Documents.DocumentHolder.Proxy);
        await using var db = kit.NewContext();
        Assert.Equal(RevocationReason.KeyCompromise, (await TestRegister.RowAsync(db, serial)).RevocationReason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    public async Task Revoke_WhenTheResidentHasNoSuchActiveCertificate_IsInvalidNamingTheCertificate(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);

        // 上市 太郎 has no certificate; 弓庄 恵子's serial is not his.
        var result = await RevokeAsync(kit, await kit.ResidentIdAsync(Taro), KeikoSerial);

        Assert.Equal(RevocationOutcome.Invalid, result.Outcome);
        Assert.Equal(("R-RV-01", "certificate.serial"), (result.BrokenRules[0].RuleId, result.BrokenRules[0].Field));
        Assert.Equal(0, await CountApplicationsAsync(kit));
        await using var db = kit.NewContext();
        Assert.Equal(CertificateStatus.Active, (await TestRegister.RowAsync(db, KeikoSerial)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    public async Task Revoke_WhenAlreadyRevoked_IsInvalidAndKeepsTheFirstRevocation(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var keiko = await kit.ResidentIdAsync(Keiko);
        var first = await RevokeAsync(kit, keiko, KeikoSerial, procedure: Procedure.CompromiseNotice);
        IssuanceKitRequire(first);
        var firstRevokedAt = kit.Clock.Now.UtcDateTime;
        kit.Clock.Now += TimeSpan.FromMinutes(5);

        var second = await RevokeAsync(kit, keiko, KeikoSerial);

        Assert.Equal(RevocationOutcome.Invalid, second.Outcome);
        Assert.Equal(("R-RV-01", "certificate.serial"), (second.BrokenRules[0].RuleId, second.BrokenRules[0].Field));
        Assert.Contains(KeikoSerial, second.Message, StringComparison.Ordinal);
        await using var db = kit.NewContext();
        var certificate = await TestRegister.RowAsync(db, KeikoSerial);
        Assert.Equal((RevocationReason.KeyCompromise, firstRevokedAt), (certificate.RevocationReason, certificate.RevokedAt));
        Assert.Equal(1, await CountApplicationsAsync(kit));
        // A demo certificate is the CA register's legacy record: revoked there (OCSP says so), audited once.
        Assert.Equal(RevocationReason.KeyCompromise, kit.Ca.Store.FindStatus(CertificateSerial.Parse(KeikoSerial))!.Revocation!.Reason);
        Assert.Single(await kit.AuditAsync(), a => a.Action == RevokeCertificateHandler.RevokedAction && a.Outcome == AuditOutcomes.Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    [Trait("Rule", "R-X-03")]
    public async Task Revoke_WhenTheKindIsNotARevocation_IsInvalidNamingTheProcedureAndSavesNothing(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var keiko = await kit.ResidentIdAsync(Keiko);

        foreach (var procedure in new[] { Procedure.Unlock, Procedure.NewIssuance, (Procedure)99 })
        {
            var result = await RevokeAsync(kit, keiko, KeikoSerial, procedure: procedure);

            Assert.Equal(RevocationOutcome.Invalid, result.Outcome);
            Assert.Equal(("R-RV-01", "procedure"), (result.BrokenRules[0].RuleId, result.BrokenRules[0].Field));
        }

        Assert.Equal(0, await CountApplicationsAsync(kit));
        await using var db = kit.NewContext();
        Assert.Equal(CertificateStatus.Active, (await TestRegister.RowAsync(db, KeikoSerial)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    [Trait("Rule", "R-ID-03")]
    public async Task Revoke_WhenTheCopyIsMissingOrTheDocumentExpired_NamesTheFieldAndSavesNothing(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var keiko = await kit.ResidentIdAsync(Keiko);

        var noCopy = await RevokeAsync(kit, keiko, KeikoSerial, copy: []);
        var expired = await RevokeAsync(kit, keiko, KeikoSerial, expiresOn: kit.Today.AddDays(-1));

        Assert.Equal(("R-ID-04", "document.copy"), (noCopy.BrokenRules[0].RuleId, noCopy.BrokenRules[0].Field));
        Assert.Equal(RevocationOutcome.Rejected, expired.Outcome);
        Assert.Contains(expired.BrokenRules, b => b.RuleId == "R-ID-03");
        Assert.Equal(0, await CountApplicationsAsync(kit));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    [Trait("Rule", "R-X-01")]
    public async Task PrintForm_WhenRevoked_PrintsThePdfWithTheSerialAndAuditsThePrint(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var revoked = await RevokeAsync(kit, await kit.ResidentIdAsync(Keiko), KeikoSerial);
        IssuanceKitRequire(revoked);

        await using var scope = kit.Services.CreateAsyncScope();
        var print = ActivatorUtilities.CreateInstance<RevocationFormPrintHandler>(scope.ServiceProvider, PdfTools.Renderer);
        var printed = await print.PrintAsync(revoked.ApplicationId!.Value, IssuanceKit.Clerk, kit.CounterId);
        var missing = await print.PrintAsync(Guid.NewGuid(), IssuanceKit.Clerk, kit.CounterId);

        Assert.NotNull(printed);
        Assert.Equal(KeikoSerial, printed.Serial);
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(printed.Pdf));
        Assert.Contains(KeikoSerial, text, StringComparison.Ordinal);
        Assert.Contains("弓庄", text, StringComparison.Ordinal);
        Assert.Contains("失効申請", text, StringComparison.Ordinal);
        Assert.Null(missing);
        var audit = Assert.Single(await kit.AuditAsync(), a => a.Action == RevocationFormPrintHandler.AuditAction);
        Assert.Equal((IssuanceKit.Clerk, Keiko), (audit.Actor, audit.ResidentCode));
    }

    private static async Task<string> IssueAsync(IssuanceKit kit)
    {
        await using var card = new CardInReader(kit.NewCard(Taro));
        var id = await kit.PaidAsync(Taro, documentType: "resident-card-photo");
        var issued = await kit.CardAsync(id, card.Connection);
        IssuanceKit.Require(issued);
        return issued.CertificateSerial!;
    }

    private static async Task<RevocationResult> RevokeAsync(
        IssuanceKit kit,
        long residentId,
        string serial,
        ApplicantKind applicant = ApplicantKind.InPerson,
        Procedure procedure = Procedure.RevocationRequest,
        bool signed = true,
        bool sealed_ = true,
        bool addressMatches = true,
        DateOnly? expiresOn = null,
        byte[]? copy = null)
    {
        await using var scope = kit.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<RevokeCertificateHandler>(scope.ServiceProvider);
        return await handler.HandleAsync(new RevokeCertificate(
            residentId, serial, procedure, applicant, "driver-licence", kit.Today.AddYears(-2), expiresOn ?? kit.Today.AddYears(1), addressMatches,
            signed, sealed_, "image/png", copy ?? IssuanceKit.Scan, IssuanceKit.Clerk, kit.OfficeId, kit.CounterId));
    }

    private static async Task<int> CountApplicationsAsync(IssuanceKit kit)
    {
        await using var db = kit.NewContext();
        return await db.Applications.CountAsync(a => a.Procedure == Procedure.RevocationRequest || a.Procedure == Procedure.CompromiseNotice);
    }

    private static void IssuanceKitRequire(RevocationResult result) =>
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {string.Join(" / ", result.BrokenRules.Select(b => $"{b.RuleId} {b.Field} {b.Message}"))}");
}
