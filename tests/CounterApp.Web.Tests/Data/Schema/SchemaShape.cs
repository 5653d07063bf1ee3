namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// A schema reduced to what the drift test compares: tables, columns (store type, nullability), primary keys,
/// foreign keys (with ON DELETE) and indexes. Built once from the EF model and once from a live database.
/// Constraint names are null where the engine does not keep them (SQLite keys); they are compared when known.
/// </summary>
internal sealed record SchemaShape(IReadOnlyDictionary<string, TableShape> Tables);

internal sealed record TableShape(
    string Name,
    IReadOnlyList<ColumnShape> Columns,
    KeyShape? PrimaryKey,
    IReadOnlyList<ForeignKeyShape> ForeignKeys,
    IReadOnlyList<IndexShape> Indexes);

/// <summary>A column; <paramref name="StoreType"/> is normalised by <see cref="StoreTypes.Normalise"/>.</summary>
internal sealed record ColumnShape(string Name, string StoreType, bool IsNullable);

internal sealed record KeyShape(string? Name, IReadOnlyList<string> Columns);

/// <summary>A foreign key; <paramref name="OnDelete"/> as SQL spells it: RESTRICT, CASCADE, NO ACTION, SET NULL, SET DEFAULT.</summary>
internal sealed record ForeignKeyShape(string? Name, IReadOnlyList<string> Columns, string PrincipalTable, IReadOnlyList<string> PrincipalColumns, string OnDelete)
{
    /// <summary>What identifies the key on every engine, names or not: "counters (office_id) -> offices".</summary>
    public string Identity(string table) => $"{table} ({string.Join(", ", Columns)}) -> {PrincipalTable}";
}

internal sealed record IndexShape(string Name, IReadOnlyList<string> Columns, bool IsUnique, bool IsPartial)
{
    public string Describe() => $"{(IsUnique ? "UNIQUE " : string.Empty)}({string.Join(", ", Columns)}){(IsPartial ? " WHERE …" : string.Empty)}";
}
