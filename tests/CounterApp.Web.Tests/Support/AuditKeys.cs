using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Support;

/// <summary>The audit checkpoint key of a test database, as the app resolves it: keys/audit-checkpoints.key in its data folder.</summary>
internal static class AuditKeys
{
    public static AuditCheckpointKey For(DatabaseOptions database) =>
        new(Options.Create(new AuditOptions()), Options.Create(database), NullLogger<AuditCheckpointKey>.Instance);

    public static AuditCheckpointKey For(TestDatabase database) => For(database.Options);

    /// <summary>The checkpoint writer on <paramref name="db"/> with the database's key.</summary>
    public static AuditCheckpoints Checkpoints(CounterDbContext db, TestDatabase database, TimeProvider clock) =>
        new(db, new AuditTrail(db, clock), For(database), clock);
}
