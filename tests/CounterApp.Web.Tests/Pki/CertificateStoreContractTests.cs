using System.Numerics;
using System.Security.Cryptography;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Store;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Pki;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Pki;

/// <summary>
/// The EF store behaves as the library's reference <see cref="InMemoryCertificateStore"/>: the same scenario runs on
/// all three (in memory, SQLite, PostgreSQL) and must give the same answers.
/// </summary>
[Trait("Rule", "R-RV-03")]
public sealed class CertificateStoreContractTests(PostgresServer postgres)
{
    public static TheoryData<string> Stores => new("InMemory", nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres));

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TryAdd_WhenSerialNew_FindReturnsEveryFieldAndWhenTaken_Refuses(string kind)
    {
        await using var target = await StoreUnderTest.CreateAsync(kind, postgres);
        var certificate = Certificate(CertificateKind.Subscriber, notBefore: At(2026, 11, 24));

        var first = target.Store.TryAdd(certificate);
        var again = target.Store.TryAdd(certificate with { Kind = CertificateKind.CrossCertificate });
        var found = target.Store.Find(certificate.Serial);

        Assert.True(first);
        Assert.False(again);
        Assert.NotNull(found);
        Assert.Equal(certificate.Serial, found.Serial);
        Assert.Equal(CertificateKind.Subscriber, found.Kind);
        Assert.Equal(certificate.Der.ToArray(), found.Der.ToArray());
        Assert.Equal(certificate.NotBefore, found.NotBefore);
        Assert.Equal(certificate.NotAfter, found.NotAfter);
        Assert.Null(found.Revocation);
        Assert.Null(target.Store.Find(CertificateSerial.NewRandom()));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task FindLatest_WhenSeveralOfAKind_ReturnsTheLatestNotBeforeOfThatKind(string kind)
    {
        await using var target = await StoreUnderTest.CreateAsync(kind, postgres);
        var older = Certificate(CertificateKind.OcspResponder, At(2026, 1, 1));
        var newer = Certificate(CertificateKind.OcspResponder, At(2026, 6, 1));
        var authority = Certificate(CertificateKind.Authority, At(2025, 1, 1));
        target.Store.TryAdd(newer);
        target.Store.TryAdd(older);
        target.Store.TryAdd(authority);

        Assert.Equal(newer.Serial, target.Store.FindLatest(CertificateKind.OcspResponder)?.Serial);
        Assert.Equal(authority.Serial, target.Store.FindLatest(CertificateKind.Authority)?.Serial);
        Assert.Null(target.Store.FindLatest(CertificateKind.CrossCertificate));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Revoke_WhenRevokedTwice_KeepsTheFirstRevocationAndListsIt(string kind)
    {
        await using var target = await StoreUnderTest.CreateAsync(kind, postgres);
        var revoked = Certificate(CertificateKind.Subscriber, At(2026, 1, 1));
        var good = Certificate(CertificateKind.Subscriber, At(2026, 1, 1));
        target.Store.TryAdd(revoked);
        target.Store.TryAdd(good);
        var first = new CertificateRevocation(At(2026, 11, 24, 1), RevocationReason.KeyCompromise);

        var outcomes = new[]
        {
            target.Store.Revoke(revoked.Serial, first),
            target.Store.Revoke(revoked.Serial, new CertificateRevocation(At(2026, 11, 25), RevocationReason.Superseded)),
            target.Store.Revoke(CertificateSerial.NewRandom(), first),
        };

        Assert.Equal([RevokeOutcome.Revoked, RevokeOutcome.AlreadyRevoked, RevokeOutcome.NotFound], outcomes);
        Assert.Equal(first, target.Store.Find(revoked.Serial)?.Revocation);
        Assert.Null(target.Store.Find(good.Serial)?.Revocation);
        var listed = Assert.Single(target.Store.ListRevoked());
        Assert.Equal(new RevokedEntry(revoked.Serial, first.RevokedAt, RevocationReason.KeyCompromise), listed);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task FindStatus_WhenGoodRevokedOrUnknown_AgreesWithFind(string kind)
    {
        await using var target = await StoreUnderTest.CreateAsync(kind, postgres);
        var revoked = Certificate(CertificateKind.Subscriber, At(2026, 1, 1));
        var good = Certificate(CertificateKind.Subscriber, At(2026, 1, 1));
        target.Store.TryAdd(revoked);
        target.Store.TryAdd(good);
        var revocation = new CertificateRevocation(At(2026, 11, 24, 1), RevocationReason.KeyCompromise);
        target.Store.Revoke(revoked.Serial, revocation);

        Assert.Equal(revocation, target.Store.FindStatus(revoked.Serial)?.Revocation);
        Assert.Equal(target.Store.Find(revoked.Serial)?.Revocation, target.Store.FindStatus(revoked.Serial)?.Revocation);
        Assert.False(target.Store.FindStatus(good.Serial)!.IsRevoked);
        Assert.Null(target.Store.FindStatus(CertificateSerial.NewRandom()));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task NextCrlNumber_WhenCalledConcurrently_GivesEachCallerItsOwnIncreasingNumber(string kind)
    {
        await using var target = await StoreUnderTest.CreateAsync(kind, postgres);
        var first = target.Store.NextCrlNumber();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 10).Select(_ => target.Store.NextCrlNumber()).ToList())));

        Assert.Equal(BigInteger.One, first);
        Assert.Equal(Enumerable.Range(2, 80).Select(n => new BigInteger(n)), numbers.SelectMany(n => n).Order());
        Assert.All(numbers, perCaller => Assert.Equal(perCaller.Order(), perCaller));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Stores_WhenTwoCasShareTheDatabase_KeepSerialsCrlNumbersAndRevocationsApart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var contexts = new PkiDbContexts(Options.Create(database.Options));
        var toyama = new EfCertificateStore(contexts, "toyama");
        var miyagi = new EfCertificateStore(contexts, "miyagi");
        var certificate = Certificate(CertificateKind.Subscriber, At(2026, 1, 1));

        Assert.True(toyama.TryAdd(certificate));
        Assert.True(miyagi.TryAdd(certificate));
        Assert.Equal(RevokeOutcome.Revoked, toyama.Revoke(certificate.Serial, new(At(2026, 2, 1), RevocationReason.Unspecified)));
        toyama.NextCrlNumber();
        toyama.NextCrlNumber();

        Assert.Null(miyagi.Find(certificate.Serial)?.Revocation);
        Assert.Empty(miyagi.ListRevoked());
        Assert.Equal(1, toyama.CountRevoked());
        Assert.Equal(BigInteger.One, miyagi.NextCrlNumber());
        Assert.Equal(new BigInteger(3), new EfCertificateStore(contexts, "toyama").NextCrlNumber());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Enlist_WhenTheCallersTransactionRollsBack_TheRevocationAndAddAreUndoneAndARefusedSerialLeavesTheTransactionUsable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var store = new EfCertificateStore(new PkiDbContexts(Options.Create(database.Options)), "toyama");
        var existing = Certificate(CertificateKind.Subscriber, At(2026, 1, 1));
        var added = Certificate(CertificateKind.Subscriber, At(2026, 1, 1));
        store.TryAdd(existing);

        await using (var db = database.NewContext())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        using (store.Enlist(db))
        {
            Assert.False(store.TryAdd(existing));
            Assert.True(store.TryAdd(added));
            Assert.Equal(RevokeOutcome.Revoked, store.Revoke(existing.Serial, new(At(2026, 2, 1), RevocationReason.KeyCompromise)));
            Assert.Equal(1, await db.CaCertificates.CountAsync(c => c.RevokedAt != null));
            await transaction.RollbackAsync();
        }

        Assert.Null(store.Find(added.Serial));
        Assert.Null(store.Find(existing.Serial)?.Revocation);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OpenOrCreate_WhenReopenedOnTheSameDatabase_FindsTheSameCaAndResponderAndTheirRevocations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var contexts = new PkiDbContexts(Options.Create(database.Options));
        var custody = new InMemoryKeyCustody();
        var profile = AuthorityProfile.Toyama(new Uri("http://ca.test.invalid/"));
        using var cardKey = RSA.Create(2048);
        byte[] caDer;
        byte[] responderDer;
        CertificateSerial serial;
        using (var created = CertificateAuthority.OpenOrCreate(profile, custody, new EfCertificateStore(contexts, profile.Id), TimeProvider.System))
        {
            caDer = created.Certificate.RawData;
            responderDer = created.ResponderCertificate.RawData;
            using var issued = created.Issue(
                new("上市町", "上市\u3000花子", new DateOnly(1990, 1, 2), Domain.Residents.Sex.Female, "富山県中新川郡上市町法音寺１番地"),
                CounterApp.Pki.Issuance.SubscriberKey.FromSubjectPublicKeyInfo(cardKey.ExportSubjectPublicKeyInfo()),
                DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5));
            serial = issued.Serial;
            created.Revoke(serial, RevocationReason.Superseded, DateTimeOffset.UtcNow.AddMinutes(-1));
        }

        using var reopened = CertificateAuthority.OpenOrCreate(profile, custody, new EfCertificateStore(contexts, profile.Id), TimeProvider.System);
        var crl = reopened.BuildCrl();

        Assert.Equal(caDer, reopened.Certificate.RawData);
        Assert.Equal(responderDer, reopened.ResponderCertificate.RawData);
        Assert.Equal(1, crl.EntryCount);
        Assert.Equal(BigInteger.One, crl.Number);
        Assert.Equal(RevocationReason.Superseded, new EfCertificateStore(contexts, profile.Id).Find(serial)?.Revocation?.Reason);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static StoredCertificate Certificate(CertificateKind kind, DateTimeOffset notBefore) =>
        new(CertificateSerial.NewRandom(), kind, RandomNumberGenerator.GetBytes(64), notBefore, notBefore.AddYears(3).AddSeconds(-1));

    /// <summary>One of the three stores on a fresh database.</summary>
    private sealed class StoreUnderTest : IAsyncDisposable
    {
        private TestDatabase? _database;

        public ICertificateStore Store { get; private set; } = null!;

        public static async Task<StoreUnderTest> CreateAsync(string kind, PostgresServer postgres)
        {
            var target = new StoreUnderTest();
            if (kind == "InMemory")
            {
                target.Store = new InMemoryCertificateStore();
                return target;
            }

            target._database = await TestDatabase.CreateAsync(Enum.Parse<DatabaseProvider>(kind), postgres);
            target.Store = new EfCertificateStore(new PkiDbContexts(Options.Create(target._database.Options)), "toyama");
            return target;
        }

        public async ValueTask DisposeAsync()
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
