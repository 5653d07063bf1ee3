using CounterApp.Domain.Fees;
using CounterApp.Web.Documents.Receipts;

namespace CounterApp.Web.Tests.Documents;

public sealed class ReceiptDocumentTests
{
    [Fact]
    [Trait("Rule", "R-FE-02")]
    public async Task Render_WhenPaid_PrintsNumberDateOfficeProcedureAmountAndClerk()
    {
        var data = new ReceiptData(
            "上市町", "上市町役場 町民課", "001-2026-000042", LedgerSamples.At(10, 15),
            [new FeeLine(FeeItem.CertificateIssuance, 500), new FeeLine(FeeItem.ResidentCard, 500)], "窓口 一郎", "2番窓口", "剱 花子");

        var pdf = PdfTools.Renderer.Render(new ReceiptDocument(data));
        await PdfTools.KeepAsync(pdf, "receipt");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));

        Assert.Equal(1, pdf.PageCount);
        Assert.Contains("領 収 書", text);
        Assert.Contains("領収書（控）", text);
        Assert.Contains("No. 001-2026-000042", text);
        Assert.Contains("令和8年(2026年)11月24日 10:15", text);
        Assert.Contains("上市町役場 町民課", text);
        Assert.Contains("電子証明書発行手数料 500円", text);
        Assert.Contains("住民基本台帳カード交付手数料 500円", text);
        Assert.Contains("￥1,000－", text);
        Assert.Contains("取扱者 窓口 一郎", text);
        Assert.Contains("剱 花子", text);
    }
}
