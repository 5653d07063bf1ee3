namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// Every difference between the schema a database has and the one the model expects, one readable line each,
/// always phrased "… in the database, … in the model" so a failing test reads as a to-do list for a script.
/// </summary>
internal static class SchemaDiff
{
    public static IReadOnlyList<string> Compare(SchemaShape database, SchemaShape model)
    {
        var differences = new List<string>();
        foreach (var name in database.Tables.Keys.Union(model.Tables.Keys).Order(StringComparer.Ordinal))
        {
            var inDatabase = database.Tables.GetValueOrDefault(name);
            var inModel = model.Tables.GetValueOrDefault(name);
            if (inDatabase is null || inModel is null)
            {
                differences.Add($"table {name}: {Presence(inDatabase is not null)}");
                continue;
            }

            CompareColumns(name, inDatabase, inModel, differences);
            ComparePrimaryKeys(name, inDatabase.PrimaryKey, inModel.PrimaryKey, differences);
            CompareForeignKeys(name, inDatabase, inModel, differences);
            CompareIndexes(name, inDatabase, inModel, differences);
        }

        return differences;
    }

    /// <summary>The failure message: the provider, then each difference on its own line.</summary>
    public static string Report(string provider, IReadOnlyList<string> differences) =>
        $"The {provider} schema built by the scripts differs from the EF model ({differences.Count} difference(s)):{Environment.NewLine}"
        + string.Join(Environment.NewLine, differences.Select(d => "  - " + d));

    private static string Presence(bool inDatabase) => inDatabase ? "in the database, not in the model" : "in the model, missing in the database";

    private static void CompareColumns(string table, TableShape database, TableShape model, List<string> differences)
    {
        var modelColumns = model.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var databaseColumns = database.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var column in database.Columns.Where(c => !modelColumns.ContainsKey(c.Name)))
        {
            differences.Add($"column {table}.{column.Name}: {Presence(inDatabase: true)}");
        }

        foreach (var expected in model.Columns)
        {
            if (!databaseColumns.TryGetValue(expected.Name, out var actual))
            {
                differences.Add($"column {table}.{expected.Name}: {Presence(inDatabase: false)}");
                continue;
            }

            if (actual.StoreType != expected.StoreType)
            {
                differences.Add($"column {table}.{expected.Name}: type {actual.StoreType} in the database, {expected.StoreType} in the model");
            }

            if (actual.IsNullable != expected.IsNullable)
            {
                differences.Add($"column {table}.{expected.Name}: {Nullability(actual)} in the database, {Nullability(expected)} in the model");
            }
        }
    }

    private static string Nullability(ColumnShape column) => column.IsNullable ? "NULL" : "NOT NULL";

    private static void ComparePrimaryKeys(string table, KeyShape? database, KeyShape? model, List<string> differences)
    {
        var actual = database is null ? "none" : Columns(database.Columns);
        var expected = model is null ? "none" : Columns(model.Columns);
        if (actual != expected)
        {
            differences.Add($"primary key of {table}: {actual} in the database, {expected} in the model");
        }
        else if (database?.Name is { } name && model?.Name is { } modelName && name != modelName)
        {
            differences.Add($"primary key of {table}: named {name} in the database, {modelName} in the model");
        }
    }

    private static void CompareForeignKeys(string table, TableShape database, TableShape model, List<string> differences)
    {
        var actual = database.ForeignKeys.ToLookup(fk => fk.Identity(table), StringComparer.Ordinal);
        var expected = model.ForeignKeys.ToLookup(fk => fk.Identity(table), StringComparer.Ordinal);
        foreach (var identity in actual.Select(g => g.Key).Union(expected.Select(g => g.Key)).Order(StringComparer.Ordinal))
        {
            var inDatabase = actual[identity].FirstOrDefault();
            var inModel = expected[identity].FirstOrDefault();
            if (inDatabase is null || inModel is null)
            {
                var key = inDatabase ?? inModel!;
                differences.Add($"foreign key {identity} ({string.Join(", ", key.PrincipalColumns)}) ON DELETE {key.OnDelete}: {Presence(inDatabase is not null)}");
                continue;
            }

            var actualTarget = $"{Columns(inDatabase.PrincipalColumns)} ON DELETE {inDatabase.OnDelete}";
            var expectedTarget = $"{Columns(inModel.PrincipalColumns)} ON DELETE {inModel.OnDelete}";
            if (actualTarget != expectedTarget)
            {
                differences.Add($"foreign key {identity}: {actualTarget} in the database, {expectedTarget} in the model");
            }

            if (inDatabase.Name is { } name && inModel.Name is { } modelName && name != modelName)
            {
                differences.Add($"foreign key {identity}: named {name} in the database, {modelName} in the model");
            }
        }
    }

    private static void CompareIndexes(string table, TableShape database, TableShape model, List<string> differences)
    {
        var actual = database.Indexes.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var expected = model.Indexes.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var name in actual.Keys.Union(expected.Keys).Order(StringComparer.Ordinal))
        {
            var inDatabase = actual.GetValueOrDefault(name);
            var inModel = expected.GetValueOrDefault(name);
            if (inDatabase is null || inModel is null)
            {
                differences.Add($"index {name} on {table} {(inDatabase ?? inModel)!.Describe()}: {Presence(inDatabase is not null)}");
            }
            else if (inDatabase.Describe() != inModel.Describe())
            {
                differences.Add($"index {name} on {table}: {inDatabase.Describe()} in the database, {inModel.Describe()} in the model");
            }
        }
    }

    private static string Columns(IReadOnlyList<string> columns) => $"({string.Join(", ", columns)})";
}
