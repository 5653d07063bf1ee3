using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Data;

/// <summary>
/// The embedded SQLite database: one file in the data folder, in WAL mode (readers never block the writer)
/// with foreign keys enforced on every connection. The full schema arrives with the persistence work.
/// </summary>
public sealed class CounterDatabase(IOptions<DatabaseOptions> options)
{
    public string FilePath => options.Value.FilePath;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            ForeignKeys = true,
            Pooling = true,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Creates the data folder and file if missing and switches the file to WAL (a persistent setting).</summary>
    public void EnsureCreated()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = (string?)command.ExecuteScalar();
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite file {FilePath} could not be switched to WAL mode (got '{mode}').");
        }
    }

    /// <summary>What the health endpoint reports: the engine version and the journal mode.</summary>
    public (string Version, string JournalMode) Describe()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version(), (SELECT journal_mode FROM pragma_journal_mode);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetString(1));
    }
}
