using System.Data.Common;
using CounterApp.Web.Data;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Data.Audit;

/// <summary>
/// What an attacker with direct database access does: bypass the append-only triggers (SQLite: drop them;
/// PostgreSQL: session_replication_role = replica, as the superuser) and change rows, of the log or its checkpoints,
/// in plain SQL.
/// </summary>
internal static class AuditTamper
{
    private static readonly string[] Columns = ["at", "actor", "counter", "resident_code", "action", "outcome", "details", "previous_hash", "hash"];

    public static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = await OpenBypassingTriggersAsync(database);
        await ExecuteAsync(connection, sql);
    }

    /// <summary>Swaps the whole content of two rows (ids stay): the rows are reordered.</summary>
    public static async Task SwapAsync(TestDatabase database, long first, long second)
    {
        await using var connection = await OpenBypassingTriggersAsync(database);
        var a = await ReadAsync(connection, first);
        var b = await ReadAsync(connection, second);
        await WriteAsync(connection, first, b);
        await WriteAsync(connection, second, a);
    }

    private static async Task<DbConnection> OpenBypassingTriggersAsync(TestDatabase database)
    {
        var connection = database.Migrator().Open();
        await connection.OpenAsync();
        await ExecuteAsync(connection, database.Provider == DatabaseProvider.Postgres
            ? "SET session_replication_role = replica;"
            : "DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete; " +
              "DROP TRIGGER IF EXISTS audit_checkpoints_no_update; DROP TRIGGER IF EXISTS audit_checkpoints_no_delete;");
        return connection;
    }

    private static async Task<object[]> ReadAsync(DbConnection connection, long id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", Columns)} FROM audit_entries WHERE id = {id}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var values = new object[Columns.Length];
        reader.GetValues(values);
        return values;
    }

    private static async Task WriteAsync(DbConnection connection, long id, object[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE audit_entries SET {string.Join(", ", Columns.Select((c, i) => $"{c} = @p{i}"))} WHERE id = {id}";
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
