using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Data.Seed;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Support;

/// <summary>The app's data services (DbContext, Identity, seeders) on a <see cref="TestDatabase"/>, without the web host.</summary>
internal static class TestServices
{
    public static ServiceProvider Build(TestDatabase database, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddRealClock();
        services.AddDbContext<CounterDbContext>(db => DatabaseExtensions.Configure(db, database.Options));
        services.AddIdentityCore<StaffUser>(o => o.Password.RequiredLength = 12).AddRoles<IdentityRole>().AddEntityFrameworkStores<CounterDbContext>();
        services.AddScoped(sp => new ReferenceDataSeeder(sp.GetRequiredService<CounterDbContext>(), database.Options));
        services.AddScoped<DemoTownSeeder>();
        services.AddScoped<CounterApp.Web.Data.Audit.AuditTrail>();
        return services.BuildServiceProvider();
    }
}
