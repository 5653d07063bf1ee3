namespace CounterApp.Web.Data;

public static class DatabaseExtensions
{
    /// <summary>Registers the embedded database and creates it at start-up, so a bad data folder fails fast.</summary>
    public static IHostApplicationBuilder AddCounterDatabase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory) && !string.IsNullOrWhiteSpace(o.FileName), "Database:DataDirectory and Database:FileName are required.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CounterDatabase>();
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }
}

/// <summary>Creates the database file before the app takes requests.</summary>
internal sealed partial class DatabaseStartup(CounterDatabase database, ILogger<DatabaseStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        database.EnsureCreated();
        LogDatabase(logger, database.FilePath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database: SQLite file {Path}")]
    private static partial void LogDatabase(ILogger logger, string path);
}
