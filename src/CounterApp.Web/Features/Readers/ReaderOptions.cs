using CounterApp.Web.Data;
using CounterApp.Web.Features.DemoTown;

namespace CounterApp.Web.Features.Readers;

/// <summary>Section "Readers": where the counters' card readers come from.</summary>
public sealed class ReaderOptions
{
    public const string Section = "Readers";

    /// <summary>
    /// True: every counter has a simulated reader with virtual cards for the residents' cards (demo, training).
    /// False: the reader agents on the counter PCs. Null: simulated exactly when the demo town is seeded on the embedded
    /// SQLite default (as <c>./build.sh run</c> does); PostgreSQL and production configurations get the agents.
    /// </summary>
    public bool? Simulated { get; set; }

    /// <summary>The effective choice for these settings (the rule of <see cref="Simulated"/>).</summary>
    public static bool IsSimulated(ReaderOptions readers, DemoTownOptions demo, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(demo);
        ArgumentNullException.ThrowIfNull(database);
        return readers.Simulated ?? (database.Provider == DatabaseProvider.Sqlite && (demo.Enabled ?? true));
    }
}
