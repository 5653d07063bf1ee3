using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data;
using CounterApp.Web.Features.CaStatus;
using CounterApp.Web.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.CaStatus;

/// <summary>The CA status read from the real CA on SQLite and PostgreSQL: fingerprints, CRL, OCSP self-check, counts.</summary>
public sealed class CaStatusHandlerTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-07")]
    public async Task Get_WhenNothingIsIssuedYet_ShowsTheCasOwnFingerprintsTheCrlAndNoOcspCheck(DatabaseProvider provider)
    {
        await using var kit = await CaStatusKit.CreateAsync(provider, postgres);
        var der = kit.Ca.CertificateDer.ToArray();

        var report = await kit.StatusAsync();

        Assert.Equal(Convert.ToHexString(SHA256.HashData(der)), report.Authority.Sha256.Replace(" ", string.Empty, StringComparison.Ordinal));
#pragma warning disable CA5350 // R-CE-07 publishes the SHA-1 fingerprint too; the test computes it independently.
        Assert.Equal(Convert.ToHexString(SHA1.HashData(der)), report.Authority.Sha1.Replace(" ", string.Empty, StringComparison.Ordinal));
#pragma warning restore CA5350
        Assert.Contains("富山県知事", report.Authority.Subject, StringComparison.Ordinal);
        Assert.Equal(report.Authority.Subject, report.Authority.Issuer);
        Assert.Equal(("RSA", true), (report.Authority.KeyAlgorithm, report.Authority.KeySize >= 2048));
        var responder = Assert.IsType<CertificateFacts>(report.Responder);
        Assert.Equal(report.Authority.Subject, responder.Issuer);
        Assert.NotEqual(report.Authority.Sha256, responder.Sha256);

        var crl = kit.Ca.Crl.Current();
        Assert.Equal(((long)crl.Number, crl.ThisUpdate, crl.NextUpdate, 0), (report.Crl.Number!.Value, report.Crl.ThisUpdate!.Value, report.Crl.NextUpdate!.Value, report.Crl.EntryCount!.Value));
        Assert.Equal(TimeSpan.FromHours(24), report.Crl.NextUpdate - report.Crl.ThisUpdate);
        Assert.False(report.Crl.IsOverdue);
        Assert.Null(report.Crl.Error);

        Assert.Equal(OcspCheckOutcome.NoCertificates, report.Ocsp.Outcome);
        Assert.Null(report.Ocsp.Serial);
        Assert.Equal(0, report.Counts.Single(c => c.Kind == CertificateCountKind.Revoked).Count);
        Assert.Equal(CounterAppFactory.Now, report.CheckedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-03")]
    public async Task Get_WhenTheNewestCertificateIsRevokedByTheRegister_OcspSelfCheckSaysGoodThenRevokedAndTheCrlCountsIt(DatabaseProvider provider)
    {
        await using var kit = await CaStatusKit.CreateAsync(provider, postgres);
        using var cardKey = RSA.Create(2048);
        var (issued, _) = await CaIssuing.IssueAsync(kit.Services, cardKey);
        using var _ = issued;
        var before = await kit.StatusAsync();

        var applied = await kit.RegisterEventAsync(Event("ev-ca-1", "MovedOut"));
        var processed = await kit.ProcessRevocationsAsync();
        var after = await kit.StatusAsync();

        Assert.Equal((OcspCheckOutcome.Good, issued.Serial.Hex), (before.Ocsp.Outcome, before.Ocsp.Serial));
        Assert.Null(before.Ocsp.Error);
        Assert.Equal((RegisterEventStatus.Applied, 1, 1), (applied.Status, applied.RevocationRequests, processed));
        Assert.Equal((OcspCheckOutcome.Revoked, issued.Serial.Hex), (after.Ocsp.Outcome, after.Ocsp.Serial));
        Assert.Equal(RevocationReason.AffiliationChanged, after.Ocsp.Reason);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), after.Ocsp.RevokedAt);
        Assert.Equal(1, after.Crl.EntryCount);
        Assert.True(after.Crl.Number > before.Crl.Number);
        int Count(CaStatusReport r, CertificateCountKind kind) => r.Counts.Single(c => c.Kind == kind).Count;
        Assert.Equal((Count(before, CertificateCountKind.Revoked) + 1, Count(before, CertificateCountKind.Active) - 1), (Count(after, CertificateCountKind.Revoked), Count(after, CertificateCountKind.Active)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-03")]
    public async Task Get_WhenTheCrlIsPastItsNextUpdateAndCannotBeSigned_SaysOverdueWithTheReason(DatabaseProvider provider)
    {
        await using var kit = await CaStatusKit.CreateAsync(provider, postgres);
        var fresh = await kit.StatusAsync();
        // The CRL number cannot be drawn any more (as with the database refusing writes), and the day passes.
        await using (var db = kit.Database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE ca_crl_numbers");
        }

        kit.Clock.Now = fresh.Crl.NextUpdate!.Value.AddMinutes(1);
        var overdue = await kit.StatusAsync();

        Assert.False(fresh.Crl.IsOverdue);
        Assert.True(overdue.Crl.IsOverdue);
        Assert.Contains("cannot be signed", overdue.Crl.Error, StringComparison.Ordinal);
        Assert.Null(overdue.Crl.NextUpdate);
        Assert.Equal(fresh.Authority.Sha256, overdue.Authority.Sha256);
    }

    [Fact]
    public void Run_WhenAskedAboutAnotherCasCertificate_FailsWithTheResponderStatus()
    {
        using var otherKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=Other CA", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var other = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var endpoint = new CounterApp.Pki.Ocsp.OcspEndpoint([]);

        var check = OcspSelfCheck.Run(endpoint, other, CounterApp.Pki.Store.CertificateSerial.Parse("0A0B0C"));

        Assert.Equal((OcspCheckOutcome.Failed, "0A0B0C"), (check.Outcome, check.Serial));
        Assert.Contains("Unauthorized", check.Error, StringComparison.Ordinal);
    }

    internal static string Event(string id, string kind, string code = CaIssuing.ResidentCode, string? card = null, string newValues = "{}") =>
        $$"""{"eventId":"{{id}}","kind":"{{kind}}","residentCode":"{{code}}","occurredAt":"2026-11-20T09:00:00+09:00"{{(card is null ? "" : $",\"cardNumber\":\"{card}\"")}},"newValues":{{newValues}}}""";
}
