using System.Text;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Data.Pki;
using CounterApp.Web.Data.Seed;
using CounterApp.Web.Features.CaStatus;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.RegisterSync;
using CounterApp.Web.Features.Residents;
using CounterApp.Web.Hosting;
using CounterApp.Web.Tests.Features.Ledger;
using CounterApp.Web.Tests.Features.Residents;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Features.CaStatus;

/// <summary>
/// The demo town on a fresh database of either provider with the real CA opened as the app opens it, the register
/// event applier, the revocation processor, the resident detail and the CA status handlers; 2026-11-24 10:00 Tokyo.
/// </summary>
internal sealed class CaStatusKit : IAsyncDisposable
{
    private CaStatusKit(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public CommandCounter Counter { get; } = new();

    /// <summary>The clock the CA and the handlers read; starts at 2026-11-24 10:00 Tokyo.</summary>
    public MovableClock Clock => (MovableClock)Services.GetRequiredService<TimeProvider>();

    public PrefecturalCa Ca => Services.GetRequiredService<PrefecturalCa>();

    public static async Task<CaStatusKit> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new MovableClock(CounterAppFactory.Now));
        services.AddRealClock();
        services.AddDbContext<CounterDbContext>(db => DatabaseExtensions.Configure(db, database.Options));
        services.AddIdentityCore<StaffUser>(o => o.Password.RequiredLength = 12).AddRoles<IdentityRole>().AddEntityFrameworkStores<CounterDbContext>();
        services.AddSingleton(Options.Create(database.Options));
        services.AddScoped(sp => new ReferenceDataSeeder(sp.GetRequiredService<CounterDbContext>(), database.Options));
        services.AddScoped<DemoTownSeeder>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton(Options.Create(new PkiOptions { KeyPassphrase = "ca-status-kit-passphrase" }));
        services.AddSingleton<PkiDbContexts>();
        services.AddSingleton<PrefecturalCa>();
        CounterApp.Web.Applications.CertificateRegisterExtensions.AddCertificateRegister(services);
        services.AddScoped<RevocationProcessor>();
        services.AddScoped<RegisterEventApplier>();
        services.AddScoped<CaStatusHandler>();
        var provider_ = services.BuildServiceProvider();
        await using (var scope = provider_.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync();
        }

        provider_.GetRequiredService<PrefecturalCa>().Open();
        return new CaStatusKit(database, provider_);
    }

    public async Task<TResult> WithAsync<THandler, TResult>(Func<THandler, Task<TResult>> run)
        where THandler : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public Task<CaStatusReport> StatusAsync() => WithAsync<CaStatusHandler, CaStatusReport>(h => h.GetAsync());

    /// <summary>A register event as the register API receives it (JSON, parsed by the app's parser), applied.</summary>
    public Task<RegisterEventResult> RegisterEventAsync(string json)
    {
        Assert.True(RegisterEventParser.TryParse(Encoding.UTF8.GetBytes(json), out var change, out var problem), problem?.Message);
        return WithAsync<RegisterEventApplier, RegisterEventResult>(h => h.ApplyAsync(change!));
    }

    /// <summary>What RevocationProcessingService does every 15 seconds.</summary>
    public Task<int> ProcessRevocationsAsync() => WithAsync<RevocationProcessor, int>(p => p.ProcessPendingAsync());

    public async Task<long> ResidentIdAsync(string residentCode)
    {
        await using var db = Database.NewContext();
        return await db.Residents.Where(r => r.ResidentCode == residentCode).Select(r => r.Id).SingleAsync();
    }

    /// <summary>The resident's detail read on a context whose commands <see cref="Counter"/> counts.</summary>
    public async Task<ResidentDetail?> DetailAsync(long residentId)
    {
        var builder = new DbContextOptionsBuilder<CounterDbContext>();
        DatabaseExtensions.Configure(builder, Database.Options);
        builder.AddInterceptors(Counter);
        await using var db = new CounterDbContext(builder.Options);
        return await new ResidentDetailHandler(db, TestRegister.Statuses(db), Services.GetRequiredService<TimeProvider>()).GetAsync(residentId);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
