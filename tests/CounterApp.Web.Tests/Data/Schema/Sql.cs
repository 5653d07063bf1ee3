using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>Plain SQL against a test database, for arranging and inspecting what the migrator did.</summary>
internal static class Sql
{
    public static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = database.Migrator().Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = database.Migrator().Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task<bool> TableExistsAsync(TestDatabase database, string table) =>
        await CountAsync(database, database.Provider == DatabaseProvider.Sqlite
            ? $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
            : $"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'") == 1;

    /// <summary>The rows of schema_versions as "version name checksum applied_at", in version order.</summary>
    public static async Task<List<string>> VersionRowsAsync(TestDatabase database)
    {
        await using var connection = database.Migrator().Open();
        await connection.OpenAsync();
        var rows = await DatabaseSchema.QueryAsync(connection, "SELECT version, name, checksum, applied_at FROM schema_versions ORDER BY version");
        return rows.Select(r => string.Join(' ', r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ToList();
    }
}
