using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Data.Schema;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>The schema runner on both providers: apply once, refuse what it cannot trust, never half-apply.</summary>
public sealed class SchemaMigratorTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_WhenDatabaseIsFresh_AppliesEveryScriptAndRecordsVersionsAndChecksums(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        var scripts = SchemaScript.Load(database.Migrator().ScriptsFolder);

        var applied = await database.Migrator().MigrateAsync();

        Assert.NotEmpty(scripts);
        Assert.Equal(scripts.Select(s => s.FileName), applied.Select(s => s.FileName));
        var recorded = await database.Migrator().AppliedVersionsAsync();
        Assert.Equal(scripts.ToDictionary(s => s.Version, s => s.Checksum), recorded);
        Assert.All(await Sql.VersionRowsAsync(database), row => Assert.Matches(@"^\d+ [a-z0-9_]+ [0-9a-f]{64} \d{4}-\d\d-\d\dT", row));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_WhenRunAgain_AppliesNothingAndKeepsTheData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = database.NewContext())
        {
            db.Offices.Add(new Office { Code = "again", Name = "上市町役場", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" });
            await db.SaveChangesAsync();
        }

        var before = await Sql.VersionRowsAsync(database);

        var again = await database.Migrator().MigrateAsync();
        var third = await database.Migrator().MigrateAsync();

        Assert.Empty(again);
        Assert.Empty(third);
        Assert.Equal(before, await Sql.VersionRowsAsync(database));
        await using var read = database.NewContext();
        Assert.Equal("上市町役場", (await read.Offices.SingleAsync(o => o.Code == "again")).Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_WhenAnAppliedScriptWasChanged_StopsNamingTheFileAndAppliesNothing(DatabaseProvider provider)
    {
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        await using var database = await MigratedWithAsync(provider, scripts);
        File.AppendAllText(scripts.File(provider, "0001_initial.sql"), "\n-- a harmless-looking edit\n");
        scripts.Write(provider, "9001_pending.sql", "CREATE TABLE pending_things (id integer NOT NULL PRIMARY KEY);");

        var error = await Assert.ThrowsAsync<SchemaException>(() => database.Migrator().MigrateAsync());

        Assert.Contains("0001_initial.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.False(await Sql.TableExistsAsync(database, "pending_things"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_WhenAScriptFails_RollsItBackCompletelyAndCanBeRetried(DatabaseProvider provider)
    {
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        await using var database = await MigratedWithAsync(provider, scripts);
        const string Good = """
            CREATE TABLE half_things (id integer NOT NULL PRIMARY KEY, name varchar(40) NOT NULL);
            CREATE INDEX ix_half_things_name ON half_things (name);
            INSERT INTO settings (key, value) VALUES ('half', 'applied');
            """;
        scripts.Write(provider, "9999_half.sql", Good + "INSERT INTO no_such_table (id) VALUES (1);\n");

        var error = await Assert.ThrowsAsync<SchemaException>(() => database.Migrator().MigrateAsync());

        Assert.Contains("9999_half.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("rolled back", error.Message, StringComparison.Ordinal);
        Assert.False(await Sql.TableExistsAsync(database, "half_things"));
        Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM settings WHERE key = 'half'"));
        Assert.DoesNotContain(9999, (await database.Migrator().AppliedVersionsAsync()).Keys);

        scripts.Write(provider, "9999_half.sql", Good);
        var applied = await database.Migrator().MigrateAsync();

        Assert.Equal(["9999_half.sql"], applied.Select(s => s.FileName));
        Assert.True(await Sql.TableExistsAsync(database, "half_things"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_WhenAScriptLeavesAForeignKeyPointingNowhere_RollsItBack(DatabaseProvider provider)
    {
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        await using var database = await MigratedWithAsync(provider, scripts);
        scripts.Write(provider, "9999_orphan.sql", "INSERT INTO counters (office_id, number, name) VALUES (424242, 1, 'orphan');");

        var error = await Assert.ThrowsAsync<SchemaException>(() => database.Migrator().MigrateAsync());

        Assert.Contains("9999_orphan.sql", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM counters WHERE office_id = 424242"));
        Assert.DoesNotContain(9999, (await database.Migrator().AppliedVersionsAsync()).Keys);
    }

    [Fact]
    public async Task Migrate_WhenSqliteScriptRebuildsAParentTable_KeepsTheChildRowsAndForeignKeysStayOn()
    {
        // SQLite changes a table by rebuilding it; with foreign keys on, DROP TABLE would cascade into the claims.
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        await using var database = await MigratedWithAsync(DatabaseProvider.Sqlite, scripts);
        await Sql.ExecuteAsync(database, """
            INSERT INTO asp_net_roles (id, name, normalized_name) VALUES ('r1', 'clerk', 'CLERK');
            INSERT INTO asp_net_role_claims (role_id, claim_type, claim_value) VALUES ('r1', 'counter', '2');
            """);
        scripts.Write(DatabaseProvider.Sqlite, "9999_rebuild_roles.sql", """
            CREATE TABLE asp_net_roles_new ("id" TEXT NOT NULL CONSTRAINT "pk_asp_net_roles" PRIMARY KEY, "name" TEXT NULL, "normalized_name" TEXT NULL, "concurrency_stamp" TEXT NULL);
            INSERT INTO asp_net_roles_new (id, name, normalized_name, concurrency_stamp) SELECT id, name, normalized_name, concurrency_stamp FROM asp_net_roles;
            DROP TABLE asp_net_roles;
            ALTER TABLE asp_net_roles_new RENAME TO asp_net_roles;
            CREATE UNIQUE INDEX "role_name_index" ON "asp_net_roles" ("normalized_name");
            """);

        await database.Migrator().MigrateAsync();

        Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM asp_net_role_claims WHERE role_id = 'r1'"));
        Assert.Equal(1, await Sql.CountAsync(database, "PRAGMA foreign_keys"));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS \"Value\" FROM pragma_foreign_keys").SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_WhenDatabaseHasAnUnknownNewerVersion_RefusesBeforeApplyingAnything(DatabaseProvider provider)
    {
        using var newer = ScriptFolder.CopyOfRepoScripts();
        newer.Write(provider, "9003_future.sql", "CREATE TABLE future_things (id integer NOT NULL PRIMARY KEY);");
        await using var database = await MigratedWithAsync(provider, newer);
        using var older = ScriptFolder.CopyOfRepoScripts();
        older.Write(provider, "9001_pending.sql", "CREATE TABLE pending_things (id integer NOT NULL PRIMARY KEY);");
        database.Options.ScriptsDirectory = older.Path;

        var error = await Assert.ThrowsAsync<SchemaException>(() => database.Migrator().MigrateAsync());

        Assert.Contains("schema version 9003", error.Message, StringComparison.Ordinal);
        Assert.False(await Sql.TableExistsAsync(database, "pending_things"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_WhenANewScriptIsNumberedBelowAnAppliedOne_RefusesNamingIt(DatabaseProvider provider)
    {
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        scripts.Write(provider, "9002_second.sql", "CREATE TABLE second_things (id integer NOT NULL PRIMARY KEY);");
        await using var database = await MigratedWithAsync(provider, scripts);
        scripts.Write(provider, "9001_first.sql", "CREATE TABLE first_things (id integer NOT NULL PRIMARY KEY);");

        var error = await Assert.ThrowsAsync<SchemaException>(() => database.Migrator().MigrateAsync());

        Assert.Contains("9001_first.sql", error.Message, StringComparison.Ordinal);
        Assert.False(await Sql.TableExistsAsync(database, "first_things"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_WhenFourMigratorsRace_AllSucceedAndEachScriptIsAppliedOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        var scripts = SchemaScript.Load(database.Migrator().ScriptsFolder);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new SchemaMigrator(database.Options).MigrateAsync())));

        Assert.Equal(scripts.Select(s => s.FileName).Order(), results.SelectMany(r => r).Select(s => s.FileName).Order());
        Assert.Equal(scripts.Count, (await Sql.VersionRowsAsync(database)).Count);
    }

    private async Task<TestDatabase> MigratedWithAsync(DatabaseProvider provider, ScriptFolder scripts)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        database.Options.ScriptsDirectory = scripts.Path;
        await database.Migrator().MigrateAsync();
        return database;
    }
}
