using CounterApp.Domain.Fees;
using CounterApp.Web.Documents.Ledger;

namespace CounterApp.Web.Tests.Documents;

public sealed class MonthlyLedgerDocumentTests
{
    [Fact]
    [Trait("Rule", "R-FE-04")]
    public async Task Render_WhenDaysOfAMonth_ListsEachDayAndTotalsPerProcedure()
    {
        MonthlyLedgerDay[] days =
        [
            new(new DateOnly(2026, 11, 2), 3, new Dictionary<FeeItem, int> { [FeeItem.CertificateIssuance] = 1_000, [FeeItem.ResidentCard] = 500 }, 0, true, 0),
            new(new DateOnly(2026, 11, 4), 2, new Dictionary<FeeItem, int> { [FeeItem.CertificateRenewal] = 1_000 }, 500, true, -100),
            new(new DateOnly(2026, 11, 24), 1, new Dictionary<FeeItem, int> { [FeeItem.CertificateIssuance] = 500 }, 0, false, null),
        ];
        var month = new MonthlyLedger(LedgerSamples.Office, 2026, 11, days);

        var pdf = PdfTools.Renderer.Render(new MonthlyLedgerDocument(month, LedgerSamples.At(17, 30)));
        await PdfTools.KeepAsync(pdf, "ledger-month");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));

        Assert.Contains("手数料月計表", text);
        Assert.Contains("令和8年(2026年)11月分", text);
        Assert.Contains("令和8年11月2日（月） 3件 1,000 0 500 0 1,500 0 済", text);
        Assert.Contains("令和8年11月4日（水） 2件 0 1,000 0 △500 500 △100 済", text);
        Assert.Contains("令和8年11月24日（火） 1件 500 0 0 0 500 － 未", text);
        Assert.Contains("月計 6件 1,500 1,000 500 △500 2,500 △100", text);
        Assert.Contains("電子証明書発行手数料 1,500", text);
        Assert.Contains("差引計 2,500", text);
        Assert.Contains("未締めの日が1日あります", text);
        Assert.Contains("1 / 1", text);
    }
}
