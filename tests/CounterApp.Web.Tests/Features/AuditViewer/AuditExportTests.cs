using System.Text;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.AuditViewer;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.AuditViewer;

public sealed class AuditExportTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task Write_WhenFiltered_WritesOnlyTheMatchingRowsAndAuditsWhoExportedWhichFilter(DatabaseProvider provider)
    {
        await using var kit = await AuditViewerKit.CreateAsync(provider, postgres);
        await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 9, 0), "clerk", "fee.receipt-issued", "16322800001", new Dictionary<string, string?> { ["note"] = "x, y" });
        await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 9, 5), "clerk", "certificate.issued", "16322800001");
        await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 9, 10), "clerk", "fee.receipt-issued", "16322800002");
        kit.Clock.Now = AuditViewerKit.At(2026, 11, 24, 10, 0);
        var filter = new AuditFilter(From: new DateOnly(2026, 11, 24), ResidentCode: "16322800001", ActionPrefix: "fee.");
        using var output = new MemoryStream();

        await using (var db = kit.NewContext())
        {
            await new AuditExport(new AuditSearch(db), new AuditTrail(db, kit.Clock)).WriteAsync(filter, "supervisor", "2", output);
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(string.Join(",", AuditCsv.Header), lines[0]);
        Assert.StartsWith("1,2026-11-24 09:00:00,clerk,2,16322800001,fee.receipt-issued,succeeded,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"{\"\"note\"\":\"\"x, y\"\"}\"", lines[1], StringComparison.Ordinal);

        await using var check = kit.NewContext();
        var entry = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditExport.AuditAction);
        Assert.Equal(("supervisor", "2", "16322800001", AuditOutcomes.Succeeded), (entry.Actor, entry.Counter, entry.ResidentCode, entry.Outcome));
        Assert.Contains("\"action\":\"fee.\"", entry.Details, StringComparison.Ordinal);
        Assert.Contains("\"from\":\"2026-11-24\"", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("\"to\"", entry.Details, StringComparison.Ordinal);
    }
}
