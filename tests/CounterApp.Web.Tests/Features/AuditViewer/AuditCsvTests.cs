using System.Text;
using CounterApp.Web.Features.AuditViewer;

namespace CounterApp.Web.Tests.Features.AuditViewer;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("clerk", "clerk")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+81", "'+81")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a=b", "a=b")]
    [Trait("Rule", "R-X-01")]
    public void Cell_WhenSpecialOrFormulaLike_QuotesPerRfc4180AndDefusesFormulas(string? value, string expected) =>
        Assert.Equal(expected, AuditCsv.Cell(value));

    [Fact]
    [Trait("Rule", "R-X-01")]
    public async Task Write_WhenRows_StartsWithBomAndHeaderAndUsesCrlfAndTokyoTime()
    {
        var rows = new[]
        {
            new AuditRow(2, new DateTime(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc), "clerk", "2", "16322800001", "fee.receipt-issued", "succeeded", "{\"amount\":\"500\",\"note\":\"=1+1\"}"),
            new AuditRow(1, new DateTime(2026, 11, 23, 15, 30, 0, DateTimeKind.Utc), "=cmd|' /C calc'!A0", null, null, "staff.signed-in", "succeeded", null),
        };
        using var output = new MemoryStream();

        await AuditCsv.WriteAsync(output, rows.ToAsyncEnumerable());

        var bytes = output.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "id,at_tokyo,actor,counter,resident_code,action,outcome,details\r\n"
            + "2,2026-11-24 10:00:00,clerk,2,16322800001,fee.receipt-issued,succeeded,\"{\"\"amount\"\":\"\"500\"\",\"\"note\"\":\"\"=1+1\"\"}\"\r\n"
            + "1,2026-11-24 00:30:00,'=cmd|' /C calc'!A0,,,staff.signed-in,succeeded,\r\n",
            text);
    }
}
