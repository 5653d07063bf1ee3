using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.StaffAccounts;
using CounterApp.Web.Hosting;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.StaffAccounts;

/// <summary>The demo town (office, clerk, supervisor, admin) on a test database, with the app's password policy and the staff handler.</summary>
internal sealed class StaffAccountsKit : IAsyncDisposable
{
    public const string GoodPassword = "Counter-staff-2026!";

    private StaffAccountsKit(TestDatabase database, ServiceProvider services, int officeId)
    {
        Database = database;
        Services = services;
        OfficeId = officeId;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public int OfficeId { get; }

    public static async Task<StaffAccountsKit> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(new FixedTimeProvider(CounterAppFactory.Now));
        collection.AddRealClock();
        collection.AddDbContext<CounterDbContext>(db => DatabaseExtensions.Configure(db, database.Options));
        // The app's policy (Hosting/IdentityExtensions): 12 characters, 6 different ones, Identity's character classes.
        collection.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 6;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CounterDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<StaffUser>>(TokenOptions.DefaultAuthenticatorProvider);
        collection.AddScoped(sp => new CounterApp.Web.Data.Seed.ReferenceDataSeeder(sp.GetRequiredService<CounterDbContext>(), database.Options));
        collection.AddScoped<DemoTownSeeder>();
        collection.AddScoped<AuditTrail>();
        collection.AddScoped<StaffAccountsHandler>();
        var services = collection.BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync();
        }

        await using var db = NewContext(database);
        var office = await db.Offices.Select(o => o.Id).SingleAsync();
        return new StaffAccountsKit(database, services, office);
    }

    public CounterDbContext NewContext() => NewContext(Database);

    public async Task<T> RunAsync<T>(Func<StaffAccountsHandler, Task<T>> run)
    {
        await using var scope = Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<StaffAccountsHandler>());
    }

    public async Task<T> UsersAsync<T>(Func<UserManager<StaffUser>, Task<T>> run)
    {
        await using var scope = Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }

    public Task<string> IdOfAsync(string userName) => UsersAsync(async u => (await u.FindByNameAsync(userName))!.Id);

    public async Task<List<AuditEntry>> AuditAsync(string actionPrefix)
    {
        await using var db = NewContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith(actionPrefix)).OrderBy(a => a.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static CounterDbContext NewContext(TestDatabase database) => database.NewContext();
}
