using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CounterApp.Web.Data.Schema;

/// <summary>
/// Applies db/{sqlite|postgres}/NNNN_name.sql in order, each in its own transaction, and records each in
/// schema_versions with its checksum. A script changed after it was applied stops start-up: the database and the
/// code would no longer agree, and guessing is worse than stopping. So does a database written by a newer build,
/// and a new script numbered below one already applied (it was written against a schema that no longer exists).
/// </summary>
public sealed class SchemaMigrator(DatabaseOptions options)
{
    private const string VersionsTable = "schema_versions";

    // Any constant works; it only has to be the same for every instance of the app on one database.
    private const long AdvisoryLockKey = 7243011;

    public string ScriptsFolder => Path.Combine(options.ScriptsDirectory, options.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");

    /// <summary>Brings the schema up to date; returns the scripts applied now (empty when it already was).</summary>
    public async Task<IReadOnlyList<SchemaScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = SchemaScript.Load(ScriptsFolder);
        // Owner-only before the first write: the data folder 0700, the SQLite file (and so its -wal/-shm) 0600.
        DataFolder.Prepare(options);

        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);

        // The lock comes first: on PostgreSQL two concurrent CREATE TABLE IF NOT EXISTS can both decide to create.
        await using var guard = await LockAsync(connection, cancellationToken);
        await PrepareAsync(connection, cancellationToken);
        var done = await AppliedAsync(connection, null, cancellationToken);
        var pending = Pending(scripts, done);

        var applied = new List<SchemaScript>();
        foreach (var script in pending)
        {
            if (await ApplyAsync(connection, script, cancellationToken))
            {
                applied.Add(script);
            }
        }

        return applied;
    }

    /// <summary>The versions already applied, with their checksums.</summary>
    /// <remarks>
    /// Read-only (no DDL, no PRAGMA): /health calls it on every probe. A database that was never migrated has no
    /// versions table and fails here with a DbException, which is the honest answer for it.
    /// </remarks>
    public async Task<IReadOnlyDictionary<int, string>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        return await AppliedAsync(connection, null, cancellationToken);
    }

    public DbConnection Open() => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(options.EffectiveConnectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(options.EffectiveConnectionString),
        _ => throw new SchemaException($"Unknown database provider {options.Provider}."),
    };

    // Everything is checked before anything is applied, so a refused database is left exactly as it was.
    private static List<SchemaScript> Pending(IReadOnlyList<SchemaScript> scripts, Dictionary<int, string> done)
    {
        var unknown = done.Keys.Except(scripts.Select(s => s.Version)).Order().ToList();
        if (unknown.Count > 0)
        {
            throw new SchemaException($"The database has schema version {unknown[^1]:D4}, which this build does not know; run the newer build.");
        }

        foreach (var script in scripts)
        {
            if (done.TryGetValue(script.Version, out var checksum) && !string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
            {
                throw new SchemaException(
                    $"Schema script {script.FileName} was changed after it was applied (recorded checksum {Short(checksum)}…, file {Short(script.Checksum)}…); restore it and add a new script instead.");
            }
        }

        var pending = scripts.Where(s => !done.ContainsKey(s.Version)).ToList();
        var newest = done.Keys.DefaultIfEmpty(0).Max();
        var late = pending.FirstOrDefault(s => s.Version < newest);
        if (late is not null)
        {
            throw new SchemaException(
                $"Schema script {late.FileName} is numbered below version {newest:D4}, which is already applied; renumber it after the newest script.");
        }

        return pending;
    }

    private static string Short(string checksum) => checksum.Length > 12 ? checksum[..12] : checksum;

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
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey});", cancellationToken);
            return new Release(() => ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey});", CancellationToken.None));
        }

        // SQLite has no advisory lock; each script's transaction takes the write lock (BEGIN IMMEDIATE) and
        // re-reads the versions table, so a second process simply finds the script recorded.
        return new Release(() => Task.CompletedTask);
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT version, checksum FROM {VersionsTable} ORDER BY version;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return result;
    }

    /// <summary>Applies one script in its own transaction; false when another process recorded it first.</summary>
    private async Task<bool> ApplyAsync(DbConnection connection, SchemaScript script, CancellationToken cancellationToken)
    {
        var restoreForeignKeys = await SuspendSqliteForeignKeysAsync(connection, cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                if ((await AppliedAsync(connection, transaction, cancellationToken)).ContainsKey(script.Version))
                {
                    return false;
                }

                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await CheckSqliteForeignKeysAsync(connection, transaction, script, cancellationToken);
                await using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = $"INSERT INTO {VersionsTable} (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a);";
                AddParameter(record, "@v", script.Version);
                AddParameter(record, "@n", script.Name);
                AddParameter(record, "@c", script.Checksum);
                AddParameter(record, "@a", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }
            catch (DbException e)
            {
                // Disposing the transaction rolls it back; the message is what the operator reads.
                throw new SchemaException($"Schema script {script.FileName} failed and was rolled back: {e.Message.ReplaceLineEndings(" ")}", e);
            }
        }
        finally
        {
            if (restoreForeignKeys)
            {
                await ExecuteAsync(connection, null, "PRAGMA foreign_keys=ON;", CancellationToken.None);
            }
        }
    }

    // SQLite's way to change a table is to rebuild it (create new, copy, drop old, rename). With foreign keys on,
    // dropping the old table deletes its rows first and cascades into every child table: data silently lost.
    // SQLite's own procedure: foreign keys off around the transaction (the pragma is ignored inside one), then
    // foreign_key_check before committing. Returns true when they were on and must be switched back on.
    private async Task<bool> SuspendSqliteForeignKeysAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return false;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys;";
        var on = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
        if (on)
        {
            await ExecuteAsync(connection, null, "PRAGMA foreign_keys=OFF;", cancellationToken);
        }

        return on;
    }

    private async Task CheckSqliteForeignKeysAsync(DbConnection connection, DbTransaction transaction, SchemaScript script, CancellationToken cancellationToken)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT DISTINCT \"table\", \"parent\" FROM pragma_foreign_key_check ORDER BY 1, 2;";
        var broken = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                broken.Add($"{reader.GetString(0)} → {reader.GetString(1)}");
            }
        }

        if (broken.Count > 0)
        {
            throw new SchemaException(
                $"Schema script {script.FileName} failed and was rolled back: it leaves rows whose foreign key points nowhere ({string.Join(", ", broken)}).");
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
