using System.Data.Common;
using System.Globalization;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// Reads PostgreSQL's catalogue for the connection's current schema: information_schema for tables, columns
/// (data_type + length/precision rebuilt into one type name), primary and foreign keys (with delete rule), and
/// pg_index for indexes (information_schema has none), primary-key indexes excluded.
/// </summary>
internal static class PostgresSchemaReader
{
    public static async Task<List<TableShape>> ReadAsync(DbConnection connection)
    {
        var tableNames = (await DatabaseSchema.QueryAsync(connection, """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """)).Select(r => Text(r[0])).ToHashSet(StringComparer.Ordinal);
        var columns = await DatabaseSchema.QueryAsync(connection, """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   datetime_precision, udt_name, is_nullable
            FROM information_schema.columns
            WHERE table_schema = current_schema()
            ORDER BY table_name, ordinal_position
            """);
        var primaryKeys = await DatabaseSchema.QueryAsync(connection, """
            SELECT tc.table_name, tc.constraint_name, kcu.column_name
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name
            WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()
            ORDER BY tc.table_name, kcu.ordinal_position
            """);
        var foreignKeys = await DatabaseSchema.QueryAsync(connection, """
            SELECT tc.table_name, tc.constraint_name, kcu.column_name, pk.table_name, pk.column_name, rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name
            JOIN information_schema.referential_constraints rc
              ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
            JOIN information_schema.key_column_usage pk
              ON pk.constraint_schema = rc.unique_constraint_schema AND pk.constraint_name = rc.unique_constraint_name
             AND pk.ordinal_position = kcu.position_in_unique_constraint
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
            ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position
            """);
        var indexes = await DatabaseSchema.QueryAsync(connection, """
            SELECT t.relname, i.relname, ix.indisunique, ix.indpred IS NOT NULL, k.ord, a.attname
            FROM pg_index ix
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
            LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
            WHERE n.nspname = current_schema() AND NOT ix.indisprimary AND k.ord <= ix.indnkeyatts
            ORDER BY t.relname, i.relname, k.ord
            """);

        return tableNames.Order(StringComparer.Ordinal).Select(table =>
        {
            var key = primaryKeys.Where(r => Text(r[0]) == table).ToList();
            return new TableShape(
                table,
                columns.Where(r => Text(r[0]) == table).Select(r => new ColumnShape(Text(r[1]), StoreType(r), Text(r[8]) == "YES")).ToList(),
                key.Count > 0 ? new KeyShape(Text(key[0][1]), key.Select(r => Text(r[2])).ToList()) : null,
                foreignKeys.Where(r => Text(r[0]) == table).GroupBy(r => Text(r[1])).Select(fk => new ForeignKeyShape(
                    fk.Key,
                    fk.Select(r => Text(r[2])).ToList(),
                    Text(fk.First()[3]),
                    fk.Select(r => Text(r[4])).ToList(),
                    Text(fk.First()[5]))).ToList(),
                indexes.Where(r => Text(r[0]) == table).GroupBy(r => Text(r[1])).Select(ix => new IndexShape(
                    ix.Key,
                    ix.Select(r => r[5] is null ? "(expression)" : Text(r[5])).ToList(),
                    (bool)ix.First()[2]!,
                    (bool)ix.First()[3]!)).ToList());
        }).ToList();
    }

    // information_schema splits the type: data_type "character varying" + character_maximum_length 400.
    private static string StoreType(object?[] column)
    {
        var dataType = Text(column[2]);
        var type = dataType switch
        {
            "character varying" or "character" when column[3] is not null => $"{dataType}({Text(column[3])})",
            "numeric" when column[4] is not null => $"numeric({Text(column[4])},{Text(column[5])})",
            "timestamp with time zone" or "timestamp without time zone" or "time with time zone" or "time without time zone"
                when column[6] is not null && Text(column[6]) != "6" => dataType.Insert(dataType.IndexOf(' ', StringComparison.Ordinal), $"({Text(column[6])})"),
            "ARRAY" => Text(column[7]).TrimStart('_') + "[]",
            "USER-DEFINED" => Text(column[7]),
            _ => dataType,
        };
        return StoreTypes.Normalise(type);
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
