using CounterApp.Web.Data;
using CounterApp.Web.Data.Seed;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.DemoTown;

public static class DemoTownExtensions
{
    /// <summary>Reference data on every start; the demo town on an empty embedded database.</summary>
    public static IHostApplicationBuilder AddDemoTown(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DemoTownOptions>().Bind(builder.Configuration.GetSection(DemoTownOptions.Section));
        builder.Services.AddScoped(sp => new ReferenceDataSeeder(sp.GetRequiredService<CounterDbContext>(), sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        builder.Services.AddScoped<DemoTownSeeder>();
        builder.Services.AddHostedService<DemoTownStartup>();
        return builder;
    }
}

/// <summary>
/// Runs after the schema is up to date (hosted services start in registration order). The demo sign-ins are
/// written to the console once, at the moment they are created; they are never logged or stored in clear.
/// </summary>
internal sealed class DemoTownStartup(IServiceScopeFactory scopes, IOptions<DemoTownOptions> demo, IOptions<DatabaseOptions> database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);
        if (!(demo.Value.Enabled ?? database.Value.Provider == DatabaseProvider.Sqlite))
        {
            return;
        }

        var seeder = scope.ServiceProvider.GetRequiredService<DemoTownSeeder>();
        var signIns = await seeder.SeedAsync(cancellationToken);
        await seeder.CompleteChipSerialsAsync(cancellationToken);
        if (signIns.Count > 0)
        {
            await Console.Out.WriteLineAsync("  Demo town 上市町 created. Demo sign-ins (shown only now; write them down):");
            foreach (var (userName, password, role) in signIns)
            {
                await Console.Out.WriteLineAsync($"    {role,-14} {userName,-11} {password}");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
