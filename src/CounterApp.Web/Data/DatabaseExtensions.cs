using CounterApp.Web.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the counter database for the configured provider (Database:Provider, ConnectionStrings:Counter)
    /// and brings its schema up to date before the app takes requests, so a bad configuration fails fast.
    /// </summary>
    public static IHostApplicationBuilder AddCounterDatabase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .PostConfigure(o => o.ConnectionString ??= builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString), "Database:Provider is Postgres but ConnectionStrings:Counter is empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory) && !string.IsNullOrWhiteSpace(o.FileName), "Database:DataDirectory and Database:FileName are required.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new SchemaMigrator(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        builder.Services.AddDbContext<CounterDbContext>((sp, db) => Configure(db, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }

    /// <summary>The one place that knows the providers (tests use it too).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder db, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => db.UseSqlite(options.EffectiveConnectionString),
            DatabaseProvider.Postgres => db.UseNpgsql(options.EffectiveConnectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}."),
        };
    }
}

/// <summary>Applies the schema scripts before the app takes requests.</summary>
internal sealed partial class DatabaseStartup(SchemaMigrator migrator, IOptions<DatabaseOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        LogDatabase(logger, options.Value.Provider, applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database: {Provider}, {Applied} schema script(s) applied now")]
    private static partial void LogDatabase(ILogger logger, DatabaseProvider provider, int applied);
}
