using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using static CounterApp.Web.Tests.Features.RegisterSync.RegisterSyncKit;

namespace CounterApp.Web.Tests.Features.RegisterSync;

/// <summary>The file format: RFC 4180 quoting, UTF-8 with or without BOM, headers by name, physical line numbers.</summary>
public sealed class RegisterCsvTests(PostgresServer postgres)
{
    [Fact]
    public void Parse_WhenQuotedFields_KeepsCommasQuotesAndLineBreaksInside()
    {
        var records = CsvReader.Parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\n\r\nlast,,\"\"");

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b,c", "say \"hi\""], records[0].Fields);
        Assert.Equal(["two\nlines", "x", ""], records[1].Fields);
        Assert.Equal(["last", "", ""], records[2].Fields);
        Assert.Equal([1, 2, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Parse_WhenQuoteIsNeverClosed_ReportsTheLineWhereItOpened()
    {
        var records = CsvReader.Parse("h1,h2\r\nok,ok\r\n\"broken,x\r\nmore,rows\r\n");

        Assert.Equal("CsvUnterminatedQuote", records[^1].ProblemKey);
        Assert.Equal(3, records[^1].Line);
    }

    [Fact]
    public void Parse_WhenQuoteInsideUnquotedField_FlagsThatRecordOnly()
    {
        var records = CsvReader.Parse("a\"b,c\nd,e\n");

        Assert.Equal(["CsvQuoteMisplaced", null], records.Select(r => r.ProblemKey));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WhenBomQuotedFieldsAndColumnsInAnotherOrder_ReadsThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var csv = "状態,住民票コード,氏,名,氏カナ,名カナ,生年月日,性別,住所,カード番号,カード写真,カード有効期限,カードICチップ番号\n" +
                  "住民,16322800101,\"上市\",太郎,カミイチ,タロウ,1980-04-02,1,\"富山県中新川郡上市町稗田1番地, \"\"上\"\"棟\",,,,\n";

        await using var db = database.NewContext();
        var report = await Import(db).ImportAsync(Bytes(csv, bom: true), dryRun: false);

        Assert.Empty(report.Errors);
        Assert.Equal("富山県中新川郡上市町稗田1番地, \"上\"棟", (await ResidentAsync(database, "16322800101")).Address);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-03")]
    public async Task Import_WhenFieldSpansLines_LaterErrorsStillNameThePhysicalLine(DatabaseProvider provider)
    {
        using var japanese = new JapaneseUiCulture();
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var csv = Header + "\n" +
                  Row("16322800101", address: "\"富山県\n上市町\"") + "\n" +  // lines 2-3: a line break in the address
                  Row("16322800102", sex: "X") + "\n";                      // line 4

        await using var db = database.NewContext();
        var report = await Import(db).ImportAsync(Bytes(csv), dryRun: true);

        Assert.Equal([(2, "住所"), (4, "性別")], report.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("改行", report.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-03")]
    public async Task Import_WhenHeaderLacksOrDoublesColumns_ReportsTheHeaderLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var csv = "住民票コード,氏,名,氏カナ,名カナ,生年月日,性別,住所,状態,カード番号,カード写真,カードICチップ番号,氏,備考\n16322800101,上市,太郎\n";

        await using var db = database.NewContext();
        var report = await Import(db).ImportAsync(Bytes(csv), dryRun: true);

        Assert.Equal([(1, "氏"), (1, "備考"), (1, "カード有効期限")], report.Errors.Select(e => (e.Line, e.Column)));
        Assert.All(report.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WhenNotUtf8_RefusesWithTheLineOfTheFirstBadByte(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var shiftJis = new MemoryStream([.. System.Text.Encoding.UTF8.GetBytes(Header + "\n16322800101,"), 0x8F, 0xE3, .. System.Text.Encoding.UTF8.GetBytes(",太郎\n")]);

        await using var db = database.NewContext();
        var report = await Import(db).ImportAsync(shiftJis, dryRun: true);

        var error = Assert.Single(report.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_WhenEnglishChosen_AreEnglish()
    {
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("\"氏\" is required.", RegisterSyncMessages.Format("Required", "氏"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
            Assert.Equal("「氏」は必須です。", RegisterSyncMessages.Format("Required", "氏"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
