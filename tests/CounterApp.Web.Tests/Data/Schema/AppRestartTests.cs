using System.Text.Json;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>The real app started twice on one database: the second start applies nothing and loses nothing.</summary>
public sealed class AppRestartTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Start_WhenTheAppRestartsOnAnExistingDatabase_AppliesNothingTwiceAndLosesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        using var dataFolder = new DataFolderCleanup(database.Options.DataDirectory);

        var firstVersion = await StartAndReadSchemaVersionAsync(database);
        var versions = await Sql.VersionRowsAsync(database);
        await using (var db = database.NewContext())
        {
            db.Offices.Add(new Office { Code = "restart", Name = "上市町役場 第二庁舎", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" });
            await db.SaveChangesAsync();
        }

        var offices = await Sql.CountAsync(database, "SELECT count(*) FROM offices");
        var secondVersion = await StartAndReadSchemaVersionAsync(database);

        Assert.True(firstVersion >= 1);
        Assert.Equal(firstVersion, secondVersion);
        Assert.Equal(versions, await Sql.VersionRowsAsync(database));
        Assert.Equal(offices, await Sql.CountAsync(database, "SELECT count(*) FROM offices"));
        await using var read = database.NewContext();
        Assert.Equal("上市町役場 第二庁舎", (await read.Offices.SingleAsync(o => o.Code == "restart")).Name);
    }

    private static async Task<int> StartAndReadSchemaVersionAsync(TestDatabase database)
    {
        await using var app = new SameDatabaseApp(database.Options);
        using var client = app.CreateClient();
        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        return health.RootElement.GetProperty("schemaVersion").GetInt32();
    }

    /// <summary>The app keeps local data (keys) in the data folder on PostgreSQL too; TestDatabase removes it only for SQLite.</summary>
    private sealed class DataFolderCleanup(string path) : IDisposable
    {
        public void Dispose()
        {
            if (Directory.Exists(path))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(path, recursive: true);
            }
        }
    }

    /// <summary>The test app, pointed at an existing database instead of a fresh folder.</summary>
    private sealed class SameDatabaseApp(DatabaseOptions options) : CounterAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", options.Provider.ToString());
            builder.UseSetting("Database:DataDirectory", options.DataDirectory);
            builder.UseSetting("ConnectionStrings:Counter", options.ConnectionString ?? string.Empty);
            if (options.Provider == DatabaseProvider.Postgres)
            {
                // On a server database the CA key passphrase must be configured (only the embedded default generates one).
                builder.UseSetting("Pki:KeyPassphrase", "restart-test-passphrase");
            }
        }
    }
}
