using System.Text.Json;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CaFingerprint;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CounterApp.Web.Tests.Features.CaFingerprint.FingerprintTestCertificates;

namespace CounterApp.Web.Tests.Features.CaFingerprint;

/// <summary>Each comparison is audited (R-X-01) with the typed value and the outcome, on SQLite and PostgreSQL.</summary>
public sealed class CompareFingerprintHandlerTests(PostgresServer postgres)
{
    private static readonly PublishedFingerprints Published = PublishedFingerprints.Of(Ca);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-07")]
    [Trait("Rule", "R-X-01")]
    public async Task CompareAsync_WhenMatchMismatchMd5AndGarbage_AuditsEachWithWhoCounterTypedAndOutcome(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        int counterId;
        await using (var db = database.NewContext())
        {
            var office = new Office { Code = "001", Name = "上市町役場", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" };
            db.Offices.Add(office);
            await db.SaveChangesAsync();
            var counter = new Counter { OfficeId = office.Id, Number = 3, Name = "住基戸籍班" };
            db.Counters.Add(counter);
            await db.SaveChangesAsync();
            counterId = counter.Id;
        }

        var typedMatch = LowerWithColons(Sha1Hex(Ca));
        var typedOther = LowerWithColons(Sha256Hex(Other));
        var typedMd5 = Sha256Hex(Ca)[..32];
        const string typedGarbage = "not a fingerprint";
        var checks = new List<FingerprintCheck>();
        foreach (var typed in new[] { typedMatch, typedOther, typedMd5, typedGarbage })
        {
            await using var db = database.NewContext();
            var handler = new CompareFingerprintHandler(db, new AuditTrail(db, new FixedTimeProvider(CounterAppFactory.Now)));
            checks.Add(await handler.CompareAsync(Published, typed, "clerk1", counterId, TestContext.Current.CancellationToken));
        }

        await using var read = database.NewContext();
        var entries = await read.AuditEntries.AsNoTracking().Where(a => a.Action == CompareFingerprintHandler.AuditAction).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([FingerprintCheckOutcome.Match, FingerprintCheckOutcome.Mismatch, FingerprintCheckOutcome.Md5NotUsed, FingerprintCheckOutcome.NotHex], checks.Select(c => c.Outcome));
        Assert.Equal(["matched", "mismatched", AuditOutcomes.Refused, AuditOutcomes.Refused], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal(("clerk1", "3", (string?)null), (e.Actor, e.Counter, e.ResidentCode)));
        var details = entries.Select(e => JsonSerializer.Deserialize<Dictionary<string, string?>>(e.Details!)!).ToList();
        Assert.Equal([typedMatch, typedOther, typedMd5, typedGarbage], details.Select(d => d["typed"]));
        Assert.Equal(["SHA-1", "SHA-256", null, null], details.Select(d => d["algorithm"]));
        Assert.Equal(Published.Sha1.Grouped, details[0]["normalized"]);
        Assert.Equal(("Md5NotUsed", "R-CE-07"), (details[2]["result"], details[2]["rule"]));
        Assert.Equal(("NotHex", "R-CE-07", null), (details[3]["result"], details[3]["rule"], details[3]["normalized"]));
        Assert.True((await new AuditVerifier(read).VerifyAsync(TestContext.Current.CancellationToken)).Intact);
    }
}
