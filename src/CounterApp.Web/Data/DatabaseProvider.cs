namespace CounterApp.Web.Data;

/// <summary>The database engines the counter runs on; the model and behaviour are the same on both.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file in the data folder, WAL mode, foreign keys on.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (15 or later), for a town hall with a database server.</summary>
    Postgres,
}
