using CounterApp.Web.Data;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CounterApp.Web.Tests.Features.RegisterSync;

/// <summary>The real app with the register sync's shared key configured, on SQLite or on a PostgreSQL database.</summary>
public sealed class RegisterSyncAppFactory : CounterAppFactory
{
    public const string ApiKey = "test-register-key-0123456789abcdefghijklmnop";

    private readonly string? _postgres;

    public RegisterSyncAppFactory()
    {
    }

    private RegisterSyncAppFactory(string postgres) => _postgres = postgres;

    public static async Task<RegisterSyncAppFactory> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        return provider == DatabaseProvider.Postgres ? new RegisterSyncAppFactory(await postgres.CreateDatabaseAsync("rs")) : new RegisterSyncAppFactory();
    }

    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RegisterSync:ApiKey", ApiKey);
        builder.UseSetting("RegisterSync:MunicipalityCode", RegisterSyncKit.Municipality);
        if (_postgres is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Counter", _postgres);

            // The app requires the CA key passphrase from outside on a server database; a throwaway one for the test.
            builder.UseSetting("Pki:KeyPassphrase", "register-sync-tests-" + Guid.NewGuid().ToString("N"));
        }
    }
}
