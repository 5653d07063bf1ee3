using System.Data.Common;
using System.Globalization;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// Reads SQLite's catalogue: sqlite_master for tables, pragma_table_info for columns (declared type, NOT NULL,
/// position in the primary key), pragma_foreign_key_list, pragma_index_list and pragma_index_info.
/// SQLite keeps no names for primary and foreign keys, so those are compared by their columns only.
/// </summary>
internal static class SqliteSchemaReader
{
    public static async Task<List<TableShape>> ReadAsync(DbConnection connection)
    {
        var columns = await DatabaseSchema.QueryAsync(connection, """
            SELECT m.name, p.name, p.type, p."notnull", p.pk
            FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            ORDER BY m.name, p.cid
            """);
        var foreignKeys = await DatabaseSchema.QueryAsync(connection, """
            SELECT m.name, f.id, f.seq, f."table", f."from", f."to", f.on_delete
            FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            ORDER BY m.name, f.id, f.seq
            """);
        var indexes = await DatabaseSchema.QueryAsync(connection, """
            SELECT m.name, l.name, l."unique", l.partial, i.seqno, i.name
            FROM sqlite_master m JOIN pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND l.origin <> 'pk'
            ORDER BY m.name, l.name, i.seqno
            """);

        var tables = new List<TableShape>();
        foreach (var table in columns.GroupBy(r => Text(r[0])))
        {
            var keyColumns = table.Where(r => Number(r[4]) > 0).OrderBy(r => Number(r[4])).Select(r => Text(r[1])).ToList();
            tables.Add(new TableShape(
                table.Key,
                table.Select(r => new ColumnShape(Text(r[1]), StoreTypes.Normalise(Text(r[2])), Number(r[3]) == 0)).ToList(),
                keyColumns.Count > 0 ? new KeyShape(null, keyColumns) : null,
                [],
                []));
        }

        return tables.Select(t => t with
        {
            ForeignKeys = foreignKeys.Where(r => Text(r[0]) == t.Name).GroupBy(r => Number(r[1])).Select(fk =>
            {
                var principal = Text(fk.First()[3]);

                // REFERENCES parent without columns means the parent's primary key.
                var principalColumns = fk.All(r => r[5] is not null)
                    ? fk.Select(r => Text(r[5])).ToList()
                    : tables.SingleOrDefault(p => p.Name == principal)?.PrimaryKey?.Columns.ToList() ?? [];
                return new ForeignKeyShape(null, fk.Select(r => Text(r[4])).ToList(), principal, principalColumns, Text(fk.First()[6]).ToUpperInvariant());
            }).ToList(),
            Indexes = indexes.Where(r => Text(r[0]) == t.Name).GroupBy(r => Text(r[1])).Select(ix => new IndexShape(
                ix.Key,
                ix.Select(r => r[5] is null ? "(expression)" : Text(r[5])).ToList(),
                Number(ix.First()[2]) == 1,
                Number(ix.First()[3]) == 1)).ToList(),
        }).ToList();
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static long Number(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
