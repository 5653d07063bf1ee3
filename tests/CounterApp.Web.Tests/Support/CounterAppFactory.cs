using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.Web.Tests.Support;

/// <summary>
/// The real app, in Production mode (so errors render the user-facing page, never a stack trace), on its own
/// SQLite file in a fresh temporary data folder, with the clock fixed at a Tuesday morning in Tokyo.
/// </summary>
public class CounterAppFactory : WebApplicationFactory<Program>
{
    /// <summary>2026-11-24 (Tuesday) 10:00 in Tokyo: the counter is open.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(9));

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "counterapp-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Extra configuration for this app (e.g. Readers:Simulated=false for a real reader agent).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        // Tests sign supervisors in with a password; the two-factor tests turn enforcement on through Settings.
        builder.UseSetting("Security:TwoFactorRoles", "");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
