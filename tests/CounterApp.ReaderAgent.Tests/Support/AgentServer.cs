using CounterApp.Web.Agents;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CounterApp.ReaderAgent.Tests.Support;

/// <summary>
/// The real web app on Kestrel (a loopback port chosen by the OS), on its own SQLite file in a temp folder with
/// the demo town (counter 2), a clock the tests can move, and short agent timeouts. Shared by every test of the
/// "agent server" collection; each test makes its own agents.
/// </summary>
public sealed class AgentServer : IAsyncLifetime
{
    private readonly Factory _factory = new();

    public TestClock Clock => _factory.Clock;

    public Uri AgentEndpoint { get; private set; } = null!;

    /// <summary>The app's HTTP address on Kestrel (for its public endpoints such as /ca/toyama.cer).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's services (create a scope for scoped ones such as the database).</summary>
    public IServiceProvider Services => _factory.Services;

    public AgentRegistry Registry => _factory.Services.GetRequiredService<AgentRegistry>();

    public int CounterId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var http = _factory.ClientOptions.BaseAddress;
        BaseAddress = http;
        AgentEndpoint = new UriBuilder(http) { Scheme = "ws", Path = "/agents/connect" }.Uri;
        await using var scope = _factory.Services.CreateAsyncScope();
        CounterId = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Counters.Select(c => c.Id).FirstAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    public async Task<EnrolmentCode> IssueCodeAsync(string name, int? counterId = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgentAdministration>().IssueEnrolmentCodeAsync(name, counterId ?? CounterId, "admin-test");
    }

    public async Task<bool> RevokeAsync(long agentId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgentAdministration>().RevokeAsync(agentId, "admin-test", "PC stolen");
    }

    /// <summary>A new counter in the demo office, so a test owns every agent bound to it.</summary>
    public async Task<int> AddCounterAsync(string name)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var office = await db.Counters.Where(c => c.Id == CounterId).Select(c => c.OfficeId).SingleAsync();
        var number = await db.Counters.MaxAsync(c => c.Number) + 1;
        var counter = new Counter { OfficeId = office, Number = number, Name = name };
        db.Counters.Add(counter);
        await db.SaveChangesAsync();
        return counter.Id;
    }

    public async Task<ReaderAgentRecord?> AgentRecordAsync(long agentId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().ReaderAgents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId);
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

        public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "counterapp-agent-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:DataDirectory", DataDirectory);
            builder.UseSetting("Agents:KeepAliveInterval", "00:00:01");
            builder.UseSetting("Agents:KeepAliveTimeout", "00:00:02");
            builder.UseSetting("Agents:HandshakeTimeout", "00:00:05");
            builder.UseSetting("Agents:OperationTimeout", "00:00:20");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
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
}

[CollectionDefinition(Name)]
public sealed class AgentServerGroup : ICollectionFixture<AgentServer>
{
    public const string Name = "agent server";
}

/// <summary>A clock that stands still until a test moves it (enrolment-code expiry).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
