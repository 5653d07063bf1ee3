namespace CounterApp.Web.Data;

/// <summary>
/// Where the counter keeps its data (section "Database" plus ConnectionStrings:Counter).
/// Embedded default: SQLite, one file in the data folder. PostgreSQL: a connection string is required.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string ConnectionStringName = "Counter";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The data folder (SQLite file, document-copy key); relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The SQLite file name inside <see cref="DataDirectory"/>.</summary>
    public string FileName { get; set; } = "counterapp.db";

    /// <summary>ConnectionStrings:Counter; for SQLite it overrides the data-folder file when given.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the schema scripts are (db/ beside the app binary unless configured).</summary>
    public string ScriptsDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "db");

    public string FilePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));

    /// <summary>The connection string the provider uses.</summary>
    public string EffectiveConnectionString => Provider switch
    {
        DatabaseProvider.Sqlite => ConnectionString is { Length: > 0 } given
            ? given
            : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = FilePath, ForeignKeys = true, Pooling = true }.ToString(),
        DatabaseProvider.Postgres => ConnectionString is { Length: > 0 } pg
            ? pg
            : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Counter is empty."),
        _ => throw new InvalidOperationException($"Unknown database provider {Provider}."),
    };
}
