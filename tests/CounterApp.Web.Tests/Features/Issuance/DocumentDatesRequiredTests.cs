using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.Revocation;
using CounterApp.Web.Tests.Features.SecondVisit;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>
/// R-ID-03 cannot be skipped by leaving the expiry date blank: a kind of document that carries one (driver's licence,
/// passport, resident card, …) is refused without it at every place that records an identity document, naming the field
/// and the rule, and nothing is kept; a kind without one (身体障害者手帳) may leave it blank.
/// </summary>
[Trait("Rule", "R-ID-03")]
[Trait("Rule", "R-X-03")]
public sealed class DocumentDatesRequiredTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Document_WhenALicenceHasNoExpiryDate_IsInvalidNamingTheExpiryAndKeepsNothing(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        var auditBefore = (await kit.AuditAsync()).Count;

        var result = await RecordAsync(kit, id, "driver-licence", expiresOn: null);

        Assert.Equal(IssuanceOutcome.Invalid, result.Outcome);
        var broken = Assert.Single(result.BrokenRules);
        Assert.Equal(("R-ID-03", "document.expiresOn"), (broken.RuleId, broken.Field));
        Assert.Contains("有効期限", broken.Message, StringComparison.Ordinal);
        Assert.Contains("運転免許証", broken.Message, StringComparison.Ordinal);
        var application = await kit.ApplicationAsync(id);
        Assert.Empty(application.Documents);
        Assert.Equal(ApplicationState.Received, application.State);
        Assert.Equal(auditBefore, (await kit.AuditAsync()).Count);

        // A kind of document without an expiry date is still accepted with the date left blank.
        IssuanceKit.Require(await RecordAsync(kit, id, "disability", expiresOn: null));
        Assert.Null(Assert.Single((await kit.ApplicationAsync(id)).Documents).ExpiresOn);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-PX-02")]
    public async Task SecondVisit_WhenTheProxysLicenceHasNoExpiryDate_IsRefusedNamingTheExpiryAndKeepsNoDocument(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedProxyApplicationAsync();
        var documentsBefore = (await kit.DocumentsAsync(id)).Count;

        var result = await kit.ConfirmAsync(SecondVisitKit.Proxy(kit, letter.Reference, kit.Today.AddMonths(-1)) with { ProxyDocumentExpiresOn = null });

        Assert.False(result.Succeeded);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-ID-03" && b.Field == "proxy.document.expiresOn" && b.Message.Contains("有効期限", StringComparison.Ordinal));
        Assert.Equal(documentsBefore, (await kit.DocumentsAsync(id)).Count);
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    public async Task Revoke_WhenThePassportHasNoExpiryDate_IsInvalidNamingTheExpiryAndSavesNothing(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var residentId = await kit.ResidentIdAsync("16322800008"); // 森尻 誠: his certificate runs two more years
        string serial;
        await using (var db = kit.NewContext())
        {
            serial = await TestRegister.Statuses(db).Certificates.Where(CounterApp.Web.Applications.CertificateStatuses.IsValid).Where(c => c.Certificate.ResidentId == residentId).Select(c => c.Certificate.Serial).FirstAsync();
        }

        await using var scope = kit.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<RevokeCertificateHandler>(scope.ServiceProvider);
        var result = await handler.HandleAsync(new RevokeCertificate(
            residentId, serial, Procedure.RevocationRequest, ApplicantKind.InPerson, "passport", kit.Today.AddYears(-2), null, true,
            false, false, "image/png", IssuanceKit.Scan, IssuanceKit.Clerk, kit.OfficeId, kit.CounterId));

        Assert.Equal(RevocationOutcome.Invalid, result.Outcome);
        Assert.Contains(result.BrokenRules, b => b.RuleId == "R-ID-03" && b.Field == "document.expiresOn");
        await using var check = kit.NewContext();
        Assert.False(await check.Applications.AnyAsync(a => a.Procedure == Procedure.RevocationRequest));
        Assert.Equal(CertificateStatus.Active, (await TestRegister.RowAsync(check, serial)).Status);
    }

    private static Task<IssuanceResult> RecordAsync(IssuanceKit kit, Guid id, string type, DateOnly? expiresOn) =>
        kit.WithAsync<RecordIdentityDocumentHandler, IssuanceResult>(h => h.HandleAsync(new RecordIdentityDocument(
            id, type, kit.Today.AddYears(-2), expiresOn, true, "image/png", IssuanceKit.Scan, IssuanceKit.Clerk, kit.CounterId)));
}
