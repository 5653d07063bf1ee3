using CounterApp.Web.Data;
using CounterApp.Web.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Support;

/// <summary>
/// A fresh, migrated counter database on either provider: a SQLite file in a temp folder, or a new database on
/// the run's PostgreSQL server. Persistence tests take the provider as a theory parameter and run on both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseOptions options) => Options = options;

    /// <summary>Theory data: every provider the app supports.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>The repo's db/ scripts, as copied next to the app binary by the build.</summary>
    public static string ScriptsDirectory => Path.Combine(AppContext.BaseDirectory, "db");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, PostgresServer postgres, bool migrate = true)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var options = new DatabaseOptions
        {
            Provider = provider,
            DataDirectory = Path.Combine(Path.GetTempPath(), "counterapp-tests", Guid.NewGuid().ToString("N")),
            ScriptsDirectory = ScriptsDirectory,
            ConnectionString = provider == DatabaseProvider.Postgres ? await postgres.CreateDatabaseAsync() : null,
        };
        var database = new TestDatabase(options);
        if (migrate)
        {
            await new SchemaMigrator(options).MigrateAsync();
        }

        return database;
    }

    public CounterDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<CounterDbContext>();
        DatabaseExtensions.Configure(builder, Options);
        return new CounterDbContext(builder.Options);
    }

    public SchemaMigrator Migrator() => new(Options);

    public ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && Options.ConnectionString is { Length: > 0 } connectionString)
        {
            // Each test has its own database and so its own pool: close its idle connections now, or hundreds of
            // tests leave enough behind to reach the server's max_connections.
            using var connection = new Npgsql.NpgsqlConnection(connectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }

        if (Provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        // The SQLite file, and on either provider the key files a test created there (e.g. the audit checkpoint key).
        if (Directory.Exists(Options.DataDirectory))
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
