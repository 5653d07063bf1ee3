using CounterApp.Web.Data;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>The scripts in db/ and the EF model must describe the same schema, on each provider.</summary>
public sealed class SchemaDriftTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scripts_WhenAppliedToAFreshDatabase_BuildExactlyTheSchemaTheModelExpects(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var differences = await DriftAsync(database);

        Assert.True(differences.Count == 0, SchemaDiff.Report(provider.ToString(), differences));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scripts_WhenAnExtraScriptDrifts_ReportEveryDifference(DatabaseProvider provider)
    {
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        scripts.Write(provider, "9999_drift.sql", """
            CREATE TABLE drift_notes (id integer NOT NULL PRIMARY KEY);
            DROP INDEX ix_residents_search_key;
            ALTER TABLE residents ADD COLUMN nickname varchar(40) NULL;
            """);
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        database.Options.ScriptsDirectory = scripts.Path;
        await database.Migrator().MigrateAsync();

        // Only what the extra script adds: this test proves the detector, the one above the repo's scripts.
        await using var baseline = await TestDatabase.CreateAsync(provider, postgres);
        var differences = (await DriftAsync(database)).Except(await DriftAsync(baseline), StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                "table drift_notes: in the database, not in the model",
                "column residents.nickname: in the database, not in the model",
                "index ix_residents_search_key on residents (search_key): in the model, missing in the database",
            ],
            differences);
    }

    private static async Task<IReadOnlyList<string>> DriftAsync(TestDatabase database)
    {
        await using var context = database.NewContext();
        return SchemaDiff.Compare(await DatabaseSchema.ReadAsync(database.Options), ModelSchema.Read(context));
    }
}
