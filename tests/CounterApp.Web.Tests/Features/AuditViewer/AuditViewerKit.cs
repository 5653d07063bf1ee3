using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Tests.Features.Ledger;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.AuditViewer;

/// <summary>A fresh database of either provider with audit entries appended through the real trail at chosen Tokyo times.</summary>
internal sealed class AuditViewerKit : IAsyncDisposable
{
    private AuditViewerKit(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public MovableClock Clock { get; } = new(At(2026, 11, 24, 10, 0));

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    public static async Task<AuditViewerKit> CreateAsync(DatabaseProvider provider, PostgresServer postgres) =>
        new(await TestDatabase.CreateAsync(provider, postgres));

    public CounterDbContext NewContext() => Database.NewContext();

    /// <summary>Appends one entry at <paramref name="at"/>; returns its id.</summary>
    public async Task<long> AppendAsync(DateTimeOffset at, string actor, string action, string? resident = null, IReadOnlyDictionary<string, string?>? details = null)
    {
        Clock.Now = at;
        await using var db = NewContext();
        var entry = await new AuditTrail(db, Clock).AppendAsync(new AuditEvent
        {
            Actor = actor,
            Counter = "2",
            ResidentCode = resident,
            Action = action,
            Outcome = AuditOutcomes.Succeeded,
            Details = details,
        });
        return entry.Id;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
