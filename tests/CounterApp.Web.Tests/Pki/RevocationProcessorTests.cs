using System.Security.Cryptography;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Store;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Data.Pki;
using CounterApp.Web.Features.CertificateAuthority;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Pki;

/// <summary>
/// R-RV-02: a revocation request the register sync wrote is carried out by the CA: the counter's record, the CA's
/// store and the request change in one transaction; OCSP says revoked at once, the next CRL lists it (R-RV-03).
/// </summary>
[Collection(PkiAppGroup.Name)]
[Trait("Rule", "R-RV-02")]
public sealed class RevocationProcessorTests(PkiApp app)
{
    [Fact]
    public async Task ProcessPending_WhenTheRegisterAskedForARevocation_RevokesInTheCaRecordAndRequestAtOnceAndTheNextCrlListsIt()
    {
        using var cardKey = RSA.Create(2048);
        var (issued, certificateId) = await app.IssueForDemoResidentAsync(cardKey);
        using var _ = issued;
        var crlBefore = app.Ca.Crl.Current();
        var effectiveAt = CounterApp.Web.Tests.Support.CounterAppFactory.Now.AddMinutes(-30);
        var requestId = await RequestAsync(certificateId, RevocationReason.AffiliationChanged, effectiveAt);

        await ProcessAsync();
        var crlAfter = app.Ca.Crl.Current();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var certificate = await CounterApp.Web.Tests.Support.TestRegister.RowAsync(db, certificateId);
        var request = await db.RevocationRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        Assert.Equal(CertificateStatus.Revoked, certificate.Status);
        Assert.Equal(effectiveAt.UtcDateTime, certificate.RevokedAt);
        Assert.Equal(RevocationReason.AffiliationChanged, certificate.RevocationReason);
        Assert.NotNull(request.ProcessedAt);
        Assert.Equal(OcspCertStatus.Revoked(effectiveAt, RevocationReason.AffiliationChanged), app.Ca.Responder.StatusOf(issued.Serial));
        Assert.True(crlAfter.Number > crlBefore.Number);
        Assert.Contains(app.Ca.Store.ListRevoked(), e => e.Serial == issued.Serial && e.Reason == RevocationReason.AffiliationChanged);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == RevocationProcessor.AuditAction && a.Details!.Contains(issued.Serial.Hex)));
    }

    [Fact]
    public async Task ProcessPending_WhenTheCertificateWasRevokedBefore_KeepsTheFirstRevocationEverywhere()
    {
        using var cardKey = RSA.Create(2048);
        var (issued, certificateId) = await app.IssueForDemoResidentAsync(cardKey);
        using var _ = issued;
        var first = CounterApp.Web.Tests.Support.CounterAppFactory.Now.AddHours(-2);
        await RequestAsync(certificateId, RevocationReason.KeyCompromise, first);
        await ProcessAsync();

        var second = await RequestAsync(certificateId, RevocationReason.CessationOfOperation, CounterApp.Web.Tests.Support.CounterAppFactory.Now.AddHours(-1));
        await ProcessAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var certificate = await CounterApp.Web.Tests.Support.TestRegister.RowAsync(db, certificateId);
        Assert.Equal(RevocationReason.KeyCompromise, certificate.RevocationReason);
        Assert.Equal(first.UtcDateTime, certificate.RevokedAt);
        Assert.NotNull((await db.RevocationRequests.AsNoTracking().SingleAsync(r => r.Id == second)).ProcessedAt);
        Assert.Equal(OcspCertStatus.Revoked(first, RevocationReason.KeyCompromise), app.Ca.Responder.StatusOf(issued.Serial));
    }

    [Fact]
    public async Task ProcessPending_WhenTheEffectiveTimeIsStillAhead_LeavesTheRequestPending()
    {
        using var cardKey = RSA.Create(2048);
        var (issued, certificateId) = await app.IssueForDemoResidentAsync(cardKey);
        using var _ = issued;
        var requestId = await RequestAsync(certificateId, RevocationReason.AffiliationChanged, CounterApp.Web.Tests.Support.CounterAppFactory.Now.AddDays(2));

        await ProcessAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.Null((await db.RevocationRequests.AsNoTracking().SingleAsync(r => r.Id == requestId)).ProcessedAt);
        Assert.Equal(CertificateStatus.Active, (await CounterApp.Web.Tests.Support.TestRegister.RowAsync(db, certificateId)).Status);
        Assert.Equal(OcspCertStatus.Good, app.Ca.Responder.StatusOf(issued.Serial));
    }

    [Fact]
    public async Task ProcessPending_WhenTheCertificateIsNotTheCas_ClosesTheRequestAndTheCounterNeverCallsItValid()
    {
        long certificateId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            var card = await db.ResidentCards.OrderBy(c => c.Id).FirstAsync();
            var record = new CertificateRecord
            {
                Serial = "7F" + Convert.ToHexString(RandomNumberGenerator.GetBytes(15)),
                ResidentId = card.ResidentId,
                CardId = card.Id,
                IssuedOn = new DateOnly(2025, 4, 1),
                ExpiresOn = new DateOnly(2028, 3, 31),
            };
            db.Certificates.Add(record);
            await db.SaveChangesAsync();
            certificateId = record.Id;
        }

        var requestId = await RequestAsync(certificateId, RevocationReason.CessationOfOperation, CounterApp.Web.Tests.Support.CounterAppFactory.Now.AddMinutes(-1));
        await ProcessAsync();

        await using var check = app.Services.CreateAsyncScope();
        var context = check.ServiceProvider.GetRequiredService<CounterDbContext>();
        Assert.Equal(CertificateStatus.Revoked, (await CounterApp.Web.Tests.Support.TestRegister.RowAsync(context, certificateId)).Status);
        Assert.NotNull((await context.RevocationRequests.AsNoTracking().SingleAsync(r => r.Id == requestId)).ProcessedAt);
        Assert.Contains(app.Logs, l => l.Contains("is not in CA toyama"));
    }

    [Fact]
    [Trait("Rule", "R-RV-03")]
    public async Task CrlCheck_WhenAnotherProcessRevoked_ReSignsTheListWithTheRevocation()
    {
        using var cardKey = RSA.Create(2048);
        var (issued, _) = await app.IssueForDemoResidentAsync(cardKey);
        using var _ = issued;
        var before = app.Ca.Crl.Current();

        // Another app instance on the same database: its own store, its own CA object; this process's CA never hears of it.
        var elsewhere = new EfCertificateStore(new PkiDbContexts(app.Services.GetRequiredService<IOptions<DatabaseOptions>>()), app.Ca.Id);
        elsewhere.Revoke(issued.Serial, new CertificateRevocation(CounterApp.Web.Tests.Support.CounterAppFactory.Now.AddMinutes(-5), RevocationReason.KeyCompromise));
        var unchanged = app.Ca.Crl.Current();
        app.Ca.Crl.Check();
        var after = app.Ca.Crl.Current();

        Assert.Same(before, unchanged);
        Assert.True(after.Number > before.Number);
        Assert.Equal(before.EntryCount + 1, after.EntryCount);
        Assert.Equal(OcspCertStatus.Revoked(CounterApp.Web.Tests.Support.CounterAppFactory.Now.AddMinutes(-5), RevocationReason.KeyCompromise), app.Ca.Responder.StatusOf(issued.Serial));
    }

    private async Task<long> RequestAsync(long certificateId, RevocationReason reason, DateTimeOffset effectiveAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var request = new RevocationRequestRecord
        {
            CertificateId = certificateId,
            Reason = reason,
            EffectiveAt = effectiveAt.UtcDateTime,
            RuleId = "R-RV-02",
            Cause = "住所変更 (test)",
            RequestedAt = effectiveAt.UtcDateTime,
        };
        db.RevocationRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task<int> ProcessAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RevocationProcessor>().ProcessPendingAsync();
    }
}
