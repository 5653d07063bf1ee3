using CounterApp.Web.Data;
using CounterApp.Web.Data.Schema;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>`CounterApp.Web migrate` on the built app: exit 0 and what it did, or non-zero and one line why.</summary>
public sealed class MigrateCommandTests(PostgresServer postgres)
{
    [Fact]
    public async Task Migrate_WhenRunTwiceOnSqlite_AppliesThenReportsUpToDate()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres, migrate: false);
        var environment = new Dictionary<string, string> { ["Database__DataDirectory"] = database.Options.DataDirectory };

        var first = await AppProcess.RunAsync("migrate", environment);
        var second = await AppProcess.RunAsync("migrate", environment);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("migrate: applied 0001_initial.sql", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("migrate: the schema is up to date", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(database.Options.FilePath));
        Assert.Equal(SchemaScript.Load(database.Migrator().ScriptsFolder).Count, (await Sql.VersionRowsAsync(database)).Count);
    }

    [Fact]
    public async Task Migrate_WhenAnAppliedScriptWasTamperedWith_ExitsNonZeroWithOneLineNamingTheFile()
    {
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres, migrate: false);
        database.Options.ScriptsDirectory = scripts.Path;
        await database.Migrator().MigrateAsync();
        File.AppendAllText(scripts.File(DatabaseProvider.Sqlite, "0001_initial.sql"), "\n-- tampered\n");

        var (exitCode, _, error) = await AppProcess.RunAsync("migrate", new Dictionary<string, string>
        {
            ["Database__DataDirectory"] = database.Options.DataDirectory,
            ["Database__ScriptsDirectory"] = scripts.Path,
        });

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("migrate: ", line, StringComparison.Ordinal);
        Assert.Contains("0001_initial.sql", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WhenProviderIsPostgres_AppliesToTheServerInTheConnectionString()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres, migrate: false);

        var (exitCode, output, error) = await AppProcess.RunAsync("migrate", new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Counter"] = database.Options.ConnectionString!,
            ["Database__DataDirectory"] = database.Options.DataDirectory,
        });

        Assert.True(exitCode == 0, error);
        Assert.Contains("migrate: applied 0001_initial.sql", output, StringComparison.Ordinal);
        Assert.True(await Sql.TableExistsAsync(database, "residents"));
        Assert.Equal(SchemaScript.Load(database.Migrator().ScriptsFolder).Count, (await Sql.VersionRowsAsync(database)).Count);
    }
}
