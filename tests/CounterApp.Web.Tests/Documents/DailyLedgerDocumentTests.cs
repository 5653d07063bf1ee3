using CounterApp.Domain.Fees;
using CounterApp.Web.Documents.Ledger;

namespace CounterApp.Web.Tests.Documents;

public sealed class DailyLedgerDocumentTests
{
    [Fact]
    [Trait("Rule", "R-FE-04")]
    public async Task Render_WhenManyReceipts_NumbersEveryPageNOfN()
    {
        var ledger = LedgerSamples.Closed(120, 72_000);

        var pdf = PdfTools.Renderer.Render(new DailyLedgerDocument(ledger, LedgerSamples.At(17, 5)));
        await PdfTools.KeepAsync(pdf, "ledger-long");

        Assert.True(pdf.PageCount >= 3, $"{pdf.PageCount} pages");
        Assert.Equal(pdf.PageCount, await PdfTools.PageCountAsync(pdf));
        for (var page = 1; page <= pdf.PageCount; page++)
        {
            var text = await PdfTools.TextAsync(pdf, page);
            Assert.Contains($"{page} / {pdf.PageCount}", text);
            Assert.Contains("手数料日計表", text);
            Assert.Contains("上市町", text);
            Assert.Contains("令和8年(2026年)11月24日（火）", text);
        }

        // Every receipt is listed once, in order, across the pages.
        var all = await PdfTools.TextAsync(pdf);
        Assert.All(ledger.Receipts, r => Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, r.Number)));
        Assert.Contains("収納明細（続き）", all);
    }

    [Fact]
    [Trait("Rule", "R-FE-04")]
    public async Task Render_WhenVoidsAdjustmentAndShortCash_ShowsSubtotalsTotalsAndDifference()
    {
        var receipts = LedgerSamples.Receipts(6);
        receipts[1] = receipts[1] with { VoidedAs = PaymentVoidKind.Void };
        LedgerVoid[] voids =
        [
            new(LedgerSamples.At(9, 0), receipts[1].Number, LedgerSamples.Day, PaymentVoidKind.Void, "カードへの書込みに失敗したため", "窓口 一郎", "係長 二郎", receipts[1].Lines, 500),
            new(LedgerSamples.At(10, 0), "001-2026-000900", LedgerSamples.Day.AddDays(-3), PaymentVoidKind.Refund, "二重徴収の還付（前日以前の締め済み分の調整）", "窓口 一郎", "係長 二郎", [new(FeeItem.CertificateIssuance, 500), new(FeeItem.ResidentCard, 500)], 1_000),
        ];
        // Collected 6×500 + 500 (the fifth with a card) = 3,500; voided 1,500; expected 2,000; counted 1,900.
        var ledger = new DailyLedger(LedgerSamples.Office, LedgerSamples.Day, receipts, voids, 1_900, new LedgerClosing("係長 二郎", LedgerSamples.At(17, 5)));

        var pdf = PdfTools.Renderer.Render(new DailyLedgerDocument(ledger, LedgerSamples.At(17, 5)));
        await PdfTools.KeepAsync(pdf, "ledger-voids");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));

        Assert.Equal(3_500, ledger.Collected);
        Assert.Equal(2_000, ledger.Expected);
        Assert.Equal(-100, ledger.Difference);
        Assert.Contains("収納額合計 3,500円", text);
        Assert.Contains("取消・還付額合計 △1,500円", text);
        Assert.Contains("現金あるべき額 2,000円", text);
        Assert.Contains("現金実査額 1,900円", text);
        Assert.Contains("△100円（不足）", text);
        Assert.Contains("当日取消", text);
        Assert.Contains("（調整）", text);
        Assert.Contains("令和8年11月21日", text);
        Assert.Contains("二重徴収の還付", text);
        // Per procedure (fee lines): the same-day void was a renewal, the refund an issuance with a card.
        Assert.Contains("証明書発行 3件 1,500 1件 △500 1,000", text);
        Assert.Contains("証明書更新 3件 1,500 1件 △500 1,000", text);
        Assert.Contains("カード交付 1件 500 1件 △500 0", text);
        Assert.Contains("合計 7件 3,500 3件 △1,500 2,000", text);
        // Per clerk: voids count against the clerk who handed the money back.
        Assert.Contains("窓口 一郎 4件 2,500 2件 △1,500 1,000", text);
        Assert.Contains("係長 二郎 2件 1,000 0件 0 1,000", text);
        Assert.Contains("締め（係長） 係長 二郎", text);
        Assert.Contains("令和8年(2026年)11月24日 17:05", text);
    }

    [Fact]
    [Trait("Rule", "R-FE-04")]
    public async Task Render_WhenOpenDayWithoutCount_SaysNotClosedAndNotCounted()
    {
        var ledger = new DailyLedger(LedgerSamples.Office, LedgerSamples.Day, [], [], null, null);

        var pdf = PdfTools.Renderer.Render(new DailyLedgerDocument(ledger, LedgerSamples.At(12, 0)));
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));

        Assert.Equal(1, pdf.PageCount);
        Assert.Contains("未締め（仮）", text);
        Assert.Contains("この日の収納はありません。", text);
        Assert.Contains("現金実査額 未入力", text);
        Assert.Contains("1 / 1", text);
    }

    [Fact]
    [Trait("Rule", "R-FE-04")]
    public void Render_WhenSameDataTwice_GivesTheSameBytes()
    {
        var ledger = LedgerSamples.Closed(60, 36_000);

        var first = PdfTools.Renderer.Render(new DailyLedgerDocument(ledger, LedgerSamples.At(17, 5)));
        var second = PdfTools.Renderer.Render(new DailyLedgerDocument(ledger, LedgerSamples.At(17, 5)));

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.True(first.Pdf.Span.SequenceEqual(second.Pdf.Span));
        // The identifiers PDFsharp would randomise are derived from the content: other content, other IDs.
        var other = PdfTools.Renderer.Render(new DailyLedgerDocument(LedgerSamples.Closed(61, 36_500), LedgerSamples.At(17, 5)));
        Assert.NotEqual(first.Sha256, other.Sha256);
    }

    [Fact]
    public async Task Render_WhenClerkNameHasACharacterOutsideTheFont_ReportsItAndPrintsAMark()
    {
        var receipts = LedgerSamples.Receipts(2);
        receipts[0] = receipts[0] with { Clerk = "𠮷田 一郎" };
        var ledger = new DailyLedger(LedgerSamples.Office, LedgerSamples.Day, receipts, [], 1_000, null);

        var pdf = PdfTools.Renderer.Render(new DailyLedgerDocument(ledger, LedgerSamples.At(17, 0)));

        var missing = Assert.Single(pdf.MissingCharacters.DistinctBy(m => m.CodePoint));
        Assert.Equal(0x20BB7, missing.CodePoint);
        Assert.Equal("𠮷田 一郎", missing.Text);
        Assert.False(pdf.IsComplete);
        var error = Assert.Throws<Web.Documents.MissingGlyphsException>(() => pdf.ThrowIfIncomplete());
        Assert.Contains("U+20BB7", error.Message);
        Assert.Contains("〓田 一郎", await PdfTools.TextAsync(pdf));
    }
}
