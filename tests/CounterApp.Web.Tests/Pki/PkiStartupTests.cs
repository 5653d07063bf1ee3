using System.Net;
using CounterApp.Web.Data;
using CounterApp.Web.Tests.Data.Schema;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Pki;

/// <summary>Section "Pki" at start-up: the CA is created once and reopened after a restart; a missing or wrong key
/// passphrase stops the app with the setting named.</summary>
[Trait("Rule", "R-CE-02")]
public sealed class PkiStartupTests(PostgresServer postgres)
{
    private const string Passphrase = "correct horse battery staple 富山";

    [Fact]
    public async Task Start_WhenPostgresHasNoKeyPassphrase_FailsFastNamingTheSetting()
    {
        // The built app as an operator starts it: one line naming the setting, exit 1, no stack trace.
        var (exitCode, output, error) = await AppProcess.RunAsync("--urls=http://127.0.0.1:0", new Dictionary<string, string>
        {
            ["Database__Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings__Counter"] = await postgres.CreateDatabaseAsync("pki"),
        });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("CounterApp cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("Pki:KeyPassphrase", line, StringComparison.Ordinal);
        Assert.Contains("Postgres", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Start_WhenRestartedOnTheSameDatabaseAndKeys_ServesTheSameCaAndRefusesAWrongPassphrase(DatabaseProvider provider)
    {
        var data = Path.Combine(Path.GetTempPath(), "counterapp-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = data,
            ["Database:Provider"] = provider.ToString(),
        };
        if (provider == DatabaseProvider.Postgres)
        {
            settings["ConnectionStrings:Counter"] = await postgres.CreateDatabaseAsync("pki");
            settings["Pki:KeyPassphrase"] = Passphrase;
        }

        try
        {
            var first = await CaCertificateAsync(settings);
            var second = await CaCertificateAsync(settings);
            settings["Pki:KeyPassphrase"] = "a different passphrase";
            using var wrong = new PkiApp(systemClock: false, settings);
            var failure = Assert.ThrowsAny<Exception>(() => wrong.CreateClient());

            Assert.Equal(first, second);
            Assert.Contains("could not be opened: wrong passphrase or a damaged file", failure.ToString());
            Assert.Equal(provider == DatabaseProvider.Sqlite, File.Exists(Path.Combine(data, "pki-key-passphrase")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<byte[]> CaCertificateAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var app = new PkiApp(systemClock: false, settings);
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/ca/toyama.cer", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
