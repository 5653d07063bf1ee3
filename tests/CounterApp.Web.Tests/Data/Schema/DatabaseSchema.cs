using System.Data.Common;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Schema;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// The schema a live database actually has, read from the engine's own catalogue. The migrator's bookkeeping
/// table is not part of the model and is left out; triggers and views are never read.
/// </summary>
internal static class DatabaseSchema
{
    public const string MigratorTable = "schema_versions";

    public static async Task<SchemaShape> ReadAsync(DatabaseOptions options)
    {
        await using var connection = new SchemaMigrator(options).Open();
        await connection.OpenAsync();
        var tables = options.Provider switch
        {
            DatabaseProvider.Sqlite => await SqliteSchemaReader.ReadAsync(connection),
            DatabaseProvider.Postgres => await PostgresSchemaReader.ReadAsync(connection),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown provider."),
        };
        return new SchemaShape(new SortedDictionary<string, TableShape>(
            tables.Where(t => t.Name != MigratorTable).ToDictionary(t => t.Name, StringComparer.Ordinal),
            StringComparer.Ordinal));
    }

    internal static async Task<List<object?[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
