using System.Collections.Concurrent;
using System.Security.Cryptography;
using CounterApp.Domain.Residents;
using CounterApp.Pki.Issuance;
using CounterApp.Web.Data;
using CounterApp.Web.Features.CertificateAuthority;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CounterApp.Web.Tests.Pki;

/// <summary>
/// The app (SQLite, demo town) with its CA, every log message kept for inspection; on the fixed test clock unless
/// <see cref="SystemClock"/> (outside verifiers check times against the real clock).
/// </summary>
public class PkiApp : CounterAppFactory
{
    private readonly Dictionary<string, string?> _settings = [];

    internal PkiApp(bool systemClock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        SystemClock = systemClock;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public PkiApp()
        : this(false)
    {
    }

    public bool SystemClock { get; }

    /// <summary>Every message logged, formatted.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public PrefecturalCa Ca => Services.GetRequiredService<PrefecturalCa>();

    /// <summary>A card key as the card would generate it (R-CE-01), certified by the wired CA for a demo resident
    /// whose card is in force, and recorded on the counter's side as that card's certificate.</summary>
    public async Task<(IssuedCertificate Issued, long CertificateId)> IssueForDemoResidentAsync(RSA cardKey)
    {
        ArgumentNullException.ThrowIfNull(cardKey);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var today = DateOnly.FromDateTime(Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var card = await db.ResidentCards.Include(c => c.Resident)
            .Where(c => c.Status == CardStatus.Active && c.ExpiryDate > today.AddMonths(1) && c.Resident!.RegisterStatus == RegisterStatus.Registered)
            .OrderBy(c => c.Id)
            .FirstAsync();
        return await CaIssuing.CertifyAsync(db, Ca, card.Resident!, card, cardKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new KeepingLoggerProvider(Logs)));
        if (SystemClock)
        {
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(TimeProvider.System);
            });
        }
    }

    private sealed class KeepingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Keeper(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Keeper(string category, ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PkiAppGroup : ICollectionFixture<PkiApp>
{
    public const string Name = "Pki app";
}
