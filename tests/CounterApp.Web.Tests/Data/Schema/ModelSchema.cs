using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>The schema the EF model expects on the context's provider (the design-time relational model).</summary>
internal static class ModelSchema
{
    public static SchemaShape Read(CounterDbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var tables = new SortedDictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var table in model.Tables.Where(t => !t.IsExcludedFromMigrations))
        {
            var columns = table.Columns.Select(c => new ColumnShape(c.Name, StoreTypes.Normalise(c.StoreType), c.IsNullable)).ToList();
            var primaryKey = table.PrimaryKey is { } pk ? new KeyShape(pk.Name, Names(pk.Columns)) : null;
            var foreignKeys = table.ForeignKeyConstraints
                .Select(fk => new ForeignKeyShape(fk.Name, Names(fk.Columns), fk.PrincipalTable.Name, Names(fk.PrincipalColumns), OnDelete(fk.OnDeleteAction)))
                .ToList();

            // An alternate key is a unique constraint: PostgreSQL and SQLite both back it with a unique index.
            var indexes = table.Indexes
                .Select(i => new IndexShape(i.Name, Names(i.Columns), i.IsUnique, i.Filter is not null))
                .Concat(table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()).Select(u => new IndexShape(u.Name, Names(u.Columns), IsUnique: true, IsPartial: false)))
                .ToList();
            tables[table.Name] = new TableShape(table.Name, columns, primaryKey, foreignKeys, indexes);
        }

        return new SchemaShape(tables);
    }

    private static List<string> Names(IEnumerable<IColumn> columns) => columns.Select(c => c.Name).ToList();

    private static string OnDelete(ReferentialAction action) => action switch
    {
        ReferentialAction.NoAction => "NO ACTION",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => action.ToString(),
    };
}
