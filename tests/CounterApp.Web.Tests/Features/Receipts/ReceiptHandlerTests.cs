using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Receipts;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Features.Residents;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Receipts;

public sealed class ReceiptHandlerTests(PostgresServer postgres)
{
    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 24, hour, minute, 0, TimeSpan.FromHours(9));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-02")]
    public async Task Print_WhenReceiptExists_RendersItWithPayerAndClerkAndAuditsThePrintForTheResident(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        var receipt = await kit.PayAsync("16322800002", At(9, 45), "clerk");

        ReceiptPrintResult result;
        await using (var db = kit.NewContext())
        {
            result = await new ReceiptPrintHandler(db, PdfTools.Renderer, new AuditTrail(db, kit.Clock)).PrintAsync(receipt.Id, "supervisor", kit.CounterId);
        }

        Assert.Equal(ReceiptPrintStatus.Printed, result.Status);
        Assert.Equal(receipt.Number, result.Number);
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(result.Pdf!));
        Assert.Contains($"No. {receipt.Number}", text);
        Assert.Contains("剱 花子", text);
        Assert.Contains("取扱者 窓口 一郎", text);
        Assert.Contains("上市町役場 町民課 2番窓口（住基戸籍班）", text);
        Assert.Contains("令和8年(2026年)11月24日 9:45", text);
        Assert.Contains("電子証明書発行手数料 500円", text);

        await using var check = kit.NewContext();
        var entry = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == ReceiptPrintHandler.AuditAction);
        Assert.Equal(("supervisor", "2", "16322800002", AuditOutcomes.Succeeded), (entry.Actor, entry.Counter, entry.ResidentCode, entry.Outcome));
        Assert.Contains(receipt.Number, entry.Details);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-03")]
    public async Task Print_WhenReceiptVoided_RefusesAndAuditsTheRefusal(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        var receipt = await kit.PayAsync("16322800001", At(10, 0), "clerk", voidReason: "書込み失敗");

        await using var db = kit.NewContext();
        var result = await new ReceiptPrintHandler(db, PdfTools.Renderer, new AuditTrail(db, kit.Clock)).PrintAsync(receipt.Id, "clerk", null);
        var missing = await new ReceiptPrintHandler(db, PdfTools.Renderer, new AuditTrail(db, kit.Clock)).PrintAsync(999_999, "clerk", null);

        Assert.Equal(ReceiptPrintStatus.Voided, result.Status);
        Assert.Null(result.Pdf);
        Assert.Equal(ReceiptPrintStatus.NotFound, missing.Status);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == ReceiptPrintHandler.AuditAction);
        Assert.Equal((AuditOutcomes.Refused, "16322800001"), (entry.Outcome, entry.ResidentCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task List_WhenOfficeDayHasReceipts_ListsThatDayOnlyInOneCommandWithClerkCounterResidentAndVoid(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        await kit.PayAsync("16322800001", At(8, 59).AddDays(-1), "clerk");           // the day before
        var first = await kit.PayAsync("16322800002", At(9, 5), "clerk");
        await kit.PayAsync(null, At(11, 30), "supervisor");                          // no application
        await kit.PayAsync("16322800007", At(13, 10), "clerk", voidReason: "カード読取不可");
        await kit.PayAsync("16322800008", new DateTimeOffset(2026, 11, 24, 15, 1, 0, TimeSpan.Zero), "gone-user"); // 25th in Tokyo

        await using var db = kit.CountingContext();
        kit.Counter.Reset();
        var rows = await new ReceiptDayHandler(db).ListAsync(kit.OfficeId, ResidentKit.Today);

        Assert.Equal(1, kit.Counter.Count);
        Assert.Equal(3, rows.Count);
        Assert.Equal(first.Number, rows[0].Number);
        Assert.Equal(new DateTime(2026, 11, 24, 9, 5, 0), rows[0].PaidAt);
        Assert.Equal(("窓口 一郎", "2番窓口（住基戸籍班）", "剱 花子"), (rows[0].Clerk, rows[0].CounterName, rows[0].ResidentName));
        Assert.NotNull(rows[0].ResidentId);
        Assert.Equal(("係長 二郎", (string?)null, (long?)null), (rows[1].Clerk, rows[1].ResidentName, rows[1].ResidentId));
        Assert.Equal((PaymentVoidKind.Void, "カード読取不可"), (rows[2].VoidKind!.Value, rows[2].VoidReason));
        Assert.All(rows, r => Assert.Equal(500, r.Total));

        Assert.Empty(await new ReceiptDayHandler(db).ListAsync(kit.OfficeId + 100, ResidentKit.Today));
    }
}
