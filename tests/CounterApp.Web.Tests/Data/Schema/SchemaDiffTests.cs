namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>The comparison itself, on hand-made shapes: each kind of drift gets its own readable line.</summary>
public sealed class SchemaDiffTests
{
    private static readonly TableShape Counters = new(
        "counters",
        [new("id", "integer", false), new("office_id", "integer", false), new("name", "character varying(400)", false)],
        new KeyShape("pk_counters", ["id"]),
        [new ForeignKeyShape("fk_counters_offices_office_id", ["office_id"], "offices", ["id"], "RESTRICT")],
        [new IndexShape("ix_counters_office_id", ["office_id"], IsUnique: false, IsPartial: false)]);

    [Fact]
    public void Compare_WhenShapesAreEqual_ReportsNothing()
    {
        Assert.Empty(SchemaDiff.Compare(Schema(Counters), Schema(Counters)));
    }

    [Fact]
    public void Compare_WhenTypeNullabilityKeysAndIndexesDiffer_ReportsEachOnItsOwnLine()
    {
        var database = Counters with
        {
            Columns = [new("id", "integer", false), new("office_id", "bigint", true), new("name", "character varying(400)", false)],
            PrimaryKey = new KeyShape("counters_pkey", ["id"]),
            ForeignKeys = [new ForeignKeyShape("fk_counters_offices_office_id", ["office_id"], "offices", ["id"], "CASCADE")],
            Indexes = [new IndexShape("ix_counters_office_id", ["office_id", "name"], IsUnique: true, IsPartial: false)],
        };

        var differences = SchemaDiff.Compare(Schema(database), Schema(Counters));

        Assert.Equal(
            [
                "column counters.office_id: type bigint in the database, integer in the model",
                "column counters.office_id: NULL in the database, NOT NULL in the model",
                "primary key of counters: named counters_pkey in the database, pk_counters in the model",
                "foreign key counters (office_id) -> offices: (id) ON DELETE CASCADE in the database, (id) ON DELETE RESTRICT in the model",
                "index ix_counters_office_id on counters: UNIQUE (office_id, name) in the database, (office_id) in the model",
            ],
            differences);
    }

    [Fact]
    public void Compare_WhenSomethingIsMissing_SaysWhichSideLacksIt()
    {
        var database = Counters with { Columns = Counters.Columns.Take(2).ToList(), ForeignKeys = [], PrimaryKey = null };

        var differences = SchemaDiff.Compare(Schema(database), Schema(Counters, Counters with { Name = "offices" }));

        Assert.Equal(
            [
                "column counters.name: in the model, missing in the database",
                "primary key of counters: none in the database, (id) in the model",
                "foreign key counters (office_id) -> offices (id) ON DELETE RESTRICT: in the model, missing in the database",
                "table offices: in the model, missing in the database",
            ],
            differences);
    }

    [Theory]
    [InlineData("varchar(400)", "character varying(400)")]
    [InlineData("VARCHAR (400)", "character varying(400)")]
    [InlineData("TEXT", "text")]
    [InlineData("int4", "integer")]
    [InlineData("timestamptz", "timestamp with time zone")]
    [InlineData("timestamp(3) with time zone", "timestamp(3) with time zone")]
    [InlineData("timestamp(3)", "timestamp(3) without time zone")]
    [InlineData("decimal(18, 2)", "numeric(18,2)")]
    public void Normalise_WhenTypeIsSpelledDifferently_GivesOneSpelling(string spelling, string expected)
    {
        Assert.Equal(expected, StoreTypes.Normalise(spelling));
    }

    private static SchemaShape Schema(params TableShape[] tables) => new(tables.ToDictionary(t => t.Name, StringComparer.Ordinal));
}
