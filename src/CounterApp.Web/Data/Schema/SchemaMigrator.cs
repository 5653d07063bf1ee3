using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CounterApp.Web.Data.Schema;

/// <summary>
/// Applies db/{sqlite|postgres}/NNNN_name.sql in order, each in its own transaction, and records each in
/// schema_versions with its checksum. A script changed after it was applied stops start-up: the database and the
/// code would no longer agree, and guessing is worse than stopping.
/// </summary>
public sealed class SchemaMigrator(DatabaseOptions options)
{
    private const string VersionsTable = "schema_versions";

    public string ScriptsFolder => Path.Combine(options.ScriptsDirectory, options.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");

    /// <summary>Brings the schema up to date; returns the scripts applied now (empty when it already was).</summary>
    public async Task<IReadOnlyList<SchemaScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = SchemaScript.Load(ScriptsFolder);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(options.FilePath)!);
        }

        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await PrepareAsync(connection, cancellationToken);

        var applied = new List<SchemaScript>();
        await using (var guard = await LockAsync(connection, cancellationToken))
        {
            var done = await AppliedAsync(connection, cancellationToken);
            foreach (var script in scripts)
            {
                if (done.TryGetValue(script.Version, out var checksum))
                {
                    if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                    {
                        throw new SchemaException(
                            $"Schema script {script.FileName} was changed after it was applied (recorded checksum {checksum[..12]}…, file {script.Checksum[..12]}…); restore it and add a new script instead.");
                    }

                    continue;
                }

                await ApplyAsync(connection, script, cancellationToken);
                applied.Add(script);
            }

            var unknown = done.Keys.Except(scripts.Select(s => s.Version)).Order().ToList();
            if (unknown.Count > 0)
            {
                throw new SchemaException($"The database has schema version {unknown[^1]:D4}, which this build does not know; run the newer build.");
            }
        }

        return applied;
    }

    /// <summary>The versions already applied, with their checksums.</summary>
    public async Task<IReadOnlyDictionary<int, string>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await PrepareAsync(connection, cancellationToken);
        return await AppliedAsync(connection, cancellationToken);
    }

    public DbConnection Open() => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(options.EffectiveConnectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(options.EffectiveConnectionString),
        _ => throw new SchemaException($"Unknown database provider {options.Provider}."),
    };

    private async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL is a property of the file: readers do not block the writer. Set once, kept.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await ExecuteAsync(
            connection,
            null,
            $"CREATE TABLE IF NOT EXISTS {VersionsTable} (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL);",
            cancellationToken);
    }

    private async Task<IAsyncDisposable> LockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            // Two app instances starting together: one migrates, the other waits and then finds nothing to do.
            await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(7243011);", cancellationToken);
            return new Release(() => ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(7243011);", CancellationToken.None));
        }

        return new Release(() => Task.CompletedTask);
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version, checksum FROM {VersionsTable} ORDER BY version;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return result;
    }

    private static async Task ApplyAsync(DbConnection connection, SchemaScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = $"INSERT INTO {VersionsTable} (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a);";
            AddParameter(record, "@v", script.Version);
            AddParameter(record, "@n", script.Name);
            AddParameter(record, "@c", script.Checksum);
            AddParameter(record, "@a", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new SchemaException($"Schema script {script.FileName} failed and was rolled back: {e.Message}", e);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}
