using System.Security.Cryptography;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Features.Readers;

/// <summary>
/// The demo town on a fresh database of either provider, with simulated readers whose cards live in the database's
/// data folder and derive from a master secret file made for the test.
/// </summary>
internal sealed class ReadersKit : IAsyncDisposable
{
    private ReadersKit(TestDatabase database, IssuerMasterSecret masterSecret, int counterId)
    {
        Database = database;
        MasterSecret = masterSecret;
        CounterId = counterId;
        Readers = new SimulatedCounterReaders(new SimulatedCards(masterSecret, Options.Create(database.Options)));
    }

    public TestDatabase Database { get; }

    public IssuerMasterSecret MasterSecret { get; }

    public SimulatedCounterReaders Readers { get; }

    /// <summary>The demo town's counter (2番窓口).</summary>
    public int CounterId { get; }

    public static async Task<ReadersKit> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var services = TestServices.Build(database, new FixedTimeProvider(CounterAppFactory.Now)))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync();
        }

        Directory.CreateDirectory(database.Options.DataDirectory);
        var secretFile = Path.Combine(database.Options.DataDirectory, "master-secret");
        await File.WriteAllBytesAsync(secretFile, RandomNumberGenerator.GetBytes(IssuerMasterSecret.Length));
        var masterSecret = new IssuerMasterSecret(
            Options.Create(new CardSessionOptions { IssuerMasterSecretFile = secretFile }),
            Options.Create(database.Options),
            NullLogger<IssuerMasterSecret>.Instance);
        await using var db = database.NewContext();
        var counterId = await db.Counters.Select(c => c.Id).FirstAsync();
        return new ReadersKit(database, masterSecret, counterId);
    }

    /// <summary>The handler on a fresh context, over <paramref name="readers"/> (the kit's simulated ones by default).</summary>
    public SimulatedReaderHandler Handler(CounterDbContext db, ICounterReaders? readers = null) =>
        new(db, new CounterApp.Web.Data.Pki.PkiDbContexts(Microsoft.Extensions.Options.Options.Create(Database.Options)), new AuditTrail(db, new FixedTimeProvider(CounterAppFactory.Now)), readers ?? Readers);

    public async Task<ResidentCardRecord> CardAsync(string cardNumber)
    {
        await using var db = Database.NewContext();
        return await db.ResidentCards.AsNoTracking().Include(c => c.Resident).SingleAsync(c => c.CardNumber == cardNumber);
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action)
    {
        await using var db = Database.NewContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Readers.Dispose();
        var folder = Database.Options.DataDirectory;
        await Database.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
