using CounterApp.Web.Documents.Pdf;

namespace CounterApp.Web.Documents.Ledger;

/// <summary>
/// 手数料日計表 (R-FE-04) as A4 pages: every receipt; voids and refunds (adjustments of earlier days marked); subtotals
/// per procedure and per clerk; the cash check; the closing supervisor and time; "n / N" on every page.
/// </summary>
public sealed class DailyLedgerDocument(DailyLedger ledger, DateTimeOffset printedAt) : PrintDocument
{
    private const double Top = 33;
    private const double Bottom = 282;
    private const double RowHeight = 5.4;
    private const double Left = Heading.Left;

    private static readonly Table ReceiptTable = new(Left,
    [
        new("No.", 9, TextAlign.Right),
        new("時刻", 12, TextAlign.Center),
        new("窓口", 13, TextAlign.Center),
        new("取扱者", 27),
        new("領収番号", 34),
        new("手続", 41),
        new("金額（円）", 22, TextAlign.Right),
        new("備考", 22),
    ], TextStyle.Gothic(8));

    private static readonly Table VoidTable = new(Left,
    [
        new("時刻", 12, TextAlign.Center),
        new("領収番号", 30),
        new("原領収日", 24, TextAlign.Center),
        new("区分", 14, TextAlign.Center),
        new("理由", 44),
        new("申請", 19),
        new("承認", 19),
        new("金額（円）", 18, TextAlign.Right),
    ], TextStyle.Gothic(8));

    private static Table SubtotalTable(string nameColumn) => new(Left,
    [
        new(nameColumn, 50),
        new("件数", 20, TextAlign.Right),
        new("収納額（円）", 28, TextAlign.Right),
        new("取消・還付件数", 26, TextAlign.Right),
        new("取消・還付額（円）", 28, TextAlign.Right),
        new("差引額（円）", 28, TextAlign.Right),
    ], TextStyle.Gothic(8));

    private static readonly Table CashTable = new(Left,
    [
        new(string.Empty, 48),
        new("金額", 42, TextAlign.Right),
    ], TextStyle.Gothic(9));

    public DailyLedger Ledger => ledger;

    public override string Title => "手数料日計表";

    /// <summary>The closing time of a closed day (so its PDF never changes); the print time of a preview.</summary>
    public override DateTimeOffset Stamp => ledger.Closing?.ClosedAt ?? printedAt;

    internal override void Compose(DocumentComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        using var measure = composer.MeasuringCanvas();
        var flow = new FlowLayout(Top, Bottom);
        Receipts(flow);
        Voids(flow, measure);
        Subtotals(flow, "手続別小計", "手続", ledger.ByProcedure());
        Subtotals(flow, "取扱者別小計", "取扱者", ledger.ByClerk());
        CashAndClosing(flow);
        flow.Render(composer, PageFrame);
    }

    private static void Section(FlowLayout flow, string title, double keepWithNext)
    {
        flow.EnsureSpace(8 + keepWithNext);
        flow.Place(8, (c, y) => c.Text(Left, y + 2.2, "■ " + title, TextStyle.Gothic(10, bold: true)));
    }

    private static void Empty(FlowLayout flow, string text) =>
        flow.Place(RowHeight + 1, (c, y) => c.Text(Left + 3, y + 1, text, TextStyle.Gothic(8.5)));

    private void Receipts(FlowLayout flow)
    {
        Section(flow, "収納明細", 2 * RowHeight);
        if (ledger.Receipts.Count == 0)
        {
            Empty(flow, "この日の収納はありません。");
            return;
        }

        void Header() => flow.Place(RowHeight, (c, y) => ReceiptTable.Header(c, y, RowHeight));
        Header();
        flow.Continue(() =>
        {
            flow.Place(7, (c, y) => c.Text(Left, y + 1.5, "■ 収納明細（続き）", TextStyle.Gothic(10, bold: true)));
            Header();
        });
        for (var i = 0; i < ledger.Receipts.Count; i++)
        {
            var r = ledger.Receipts[i];
            string[] cells =
            [
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                DocumentFormat.Time(r.PaidAt),
                r.Counter,
                r.Clerk,
                r.Number,
                string.Join("・", r.Lines.Select(l => DocumentFormat.FeeItemShortName(l.Item))),
                DocumentFormat.Amount(r.Total),
                r.VoidedAs is { } kind ? $"当日{DocumentFormat.VoidKindName(kind)}" : string.Empty,
            ];
            flow.Place(RowHeight, (c, y) => ReceiptTable.Row(c, y, RowHeight, cells));
        }

        var total = new[] { string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, $"収納額計（{ledger.Receipts.Count}件）", DocumentFormat.Amount(ledger.Collected), string.Empty };
        flow.Place(RowHeight, (c, y) => ReceiptTable.Row(c, y, RowHeight, total, bold: true, shade: 0.95));
        flow.Continue(null);
        flow.Skip(3);
    }

    private void Voids(FlowLayout flow, PdfCanvas measure)
    {
        Section(flow, "取消・還付（前日以前の領収分は調整として計上）", 2 * RowHeight);
        if (ledger.Voids.Count == 0)
        {
            Empty(flow, "この日の取消・還付はありません。");
            flow.Skip(2);
            return;
        }

        void Header() => flow.Place(RowHeight, (c, y) => VoidTable.Header(c, y, RowHeight));
        Header();
        flow.Continue(() =>
        {
            flow.Place(7, (c, y) => c.Text(Left, y + 1.5, "■ 取消・還付（続き）", TextStyle.Gothic(10, bold: true)));
            Header();
        });
        var lineHeight = 3.6;
        foreach (var v in ledger.Voids)
        {
            var adjustment = v.ReceiptDay < ledger.Day;
            IReadOnlyList<string>[] cells =
            [
                [DocumentFormat.Time(v.At)],
                [v.ReceiptNumber],
                [DocumentFormat.ShortDate(v.ReceiptDay)],
                adjustment ? [DocumentFormat.VoidKindName(v.Kind), "（調整）"] : [DocumentFormat.VoidKindName(v.Kind)],
                VoidTable.Wrap(measure, 4, v.Reason),
                [v.RequestedBy],
                [v.ApprovedBy],
                [DocumentFormat.Amount(-v.Amount)],
            ];
            var height = Math.Max(RowHeight, (cells.Max(l => l.Count) * lineHeight) + 1.8);
            flow.Place(height, (c, y) => VoidTable.WrappedRow(c, y, cells, lineHeight, height));
        }

        var total = new[] { string.Empty, string.Empty, string.Empty, string.Empty, $"取消・還付額計（{ledger.Voids.Count}件）", string.Empty, string.Empty, DocumentFormat.Amount(-ledger.Voided) };
        flow.Place(RowHeight, (c, y) => VoidTable.Row(c, y, RowHeight, total, bold: true, shade: 0.95));
        flow.Continue(null);
        flow.Skip(3);
    }

    private static void Subtotals(FlowLayout flow, string title, string nameColumn, IReadOnlyList<LedgerSubtotal> rows)
    {
        Section(flow, title, (rows.Count + 2) * RowHeight);
        if (rows.Count == 0)
        {
            Empty(flow, "該当はありません。");
            flow.Skip(2);
            return;
        }

        var table = SubtotalTable(nameColumn);
        flow.Place(RowHeight, (c, y) => table.Header(c, y, RowHeight));
        foreach (var s in rows)
        {
            var cells = Cells(s.Name, s);
            flow.Place(RowHeight, (c, y) => table.Row(c, y, RowHeight, cells));
        }

        var sum = new LedgerSubtotal("合計", rows.Sum(r => r.Count), rows.Sum(r => r.Collected), rows.Sum(r => r.VoidCount), rows.Sum(r => r.Voided));
        var totals = Cells("合計", sum);
        flow.Place(RowHeight, (c, y) => table.Row(c, y, RowHeight, totals, bold: true, shade: 0.95));
        flow.Skip(3);
    }

    private static string[] Cells(string name, LedgerSubtotal s) =>
    [
        name,
        $"{s.Count}件",
        DocumentFormat.Amount(s.Collected),
        $"{s.VoidCount}件",
        DocumentFormat.Amount(-s.Voided),
        DocumentFormat.Amount(s.Net),
    ];

    private void CashAndClosing(FlowLayout flow)
    {
        const double row = 6.5;
        Section(flow, "現金照合・締め", (5 * row) + 4);
        var difference = ledger.Difference switch
        {
            null => "未入力",
            0 => "0円（過不足なし）",
            > 0 and var d => $"{DocumentFormat.Yen(d)}（過剰）",
            var d => $"{DocumentFormat.Yen(d.Value)}（不足）",
        };
        string[][] lines =
        [
            ["収納額合計", DocumentFormat.Yen(ledger.Collected)],
            ["取消・還付額合計", DocumentFormat.Yen(-ledger.Voided)],
            ["現金あるべき額", DocumentFormat.Yen(ledger.Expected)],
            ["現金実査額", ledger.CashCounted is { } cash ? DocumentFormat.Yen(cash) : "未入力"],
            ["過不足（実査額－あるべき額）", difference],
        ];
        flow.Place(5 * row, (c, y) =>
        {
            for (var i = 0; i < lines.Length; i++)
            {
                CashTable.Row(c, y + (i * row), row, lines[i], bold: i is 2 or 4, shade: i is 2 or 4 ? 0.95 : null);
            }

            Closing(c, y, 5 * row);
        });
    }

    private void Closing(PdfCanvas c, double y, double height)
    {
        const double x = 112;
        var label = TextStyle.Gothic(8.5);
        c.Box(x, y, Heading.Right - x, height, 0.6);
        if (ledger.Closing is { } closing)
        {
            c.Text(x + 3, y + 2.5, "締め（係長）", label);
            c.Text(x + 28, y + 2.5, closing.Supervisor, TextStyle.Gothic(9.5, bold: true), TextAlign.Left, 50);
            c.Text(x + 3, y + 9, "締め日時", label);
            c.Text(x + 28, y + 9, DocumentFormat.DateTime(closing.ClosedAt), TextStyle.Gothic(8.5), TextAlign.Left, 53);
        }
        else
        {
            c.Text(x + 3, y + 2.5, "未締め：この表は確認用の仮出力です。", TextStyle.Gothic(8.5, bold: true), TextAlign.Left, 77);
        }

        // Seal boxes for the clerk and supervisor who checked the count.
        string[] seals = ["取扱者確認", "係長確認"];
        for (var i = 0; i < seals.Length; i++)
        {
            var bx = x + 20 + (i * 30);
            c.Text(bx + 11, y + 15.5, seals[i], TextStyle.Gothic(7), TextAlign.Center);
            c.Box(bx, y + 18.5, 22, 12.5, 0.4);
        }
    }

    private void PageFrame(PdfCanvas c, int page, int pages)
    {
        var status = ledger.Closing is null ? "未締め（仮）" : "締め済";
        c.Text(Left, 11, ledger.Office.MunicipalityName, TextStyle.Gothic(10.5));
        c.Text(PdfCanvas.PageWidth / 2, 10, Title, TextStyle.Gothic(17, bold: true), TextAlign.Center);
        c.Box(Heading.Right - 24, 9.5, 24, 7, 0.6);
        c.Text(Heading.Right - 12, 11, status, TextStyle.Gothic(9, bold: true), TextAlign.Center, 22);
        c.Text(Left, 21, $"{ledger.Office.OfficeName}（{ledger.Office.OfficeCode}）", TextStyle.Gothic(9.5));
        c.Text(Heading.Right, 21, DocumentFormat.DateWithWeekday(ledger.Day), TextStyle.Gothic(10, bold: true), TextAlign.Right);
        c.Line(Left, 27.5, Heading.Right, 27.5, 0.8);
        c.Line(Left, Bottom + 3, Heading.Right, Bottom + 3, 0.3);
        c.Text(Left, Bottom + 5, $"手数料日計表　{DocumentFormat.ShortDate(ledger.Day)}　{ledger.Office.OfficeName}", TextStyle.Gothic(7));
        c.Text(PdfCanvas.PageWidth / 2, Bottom + 5, $"{page} / {pages}", TextStyle.Gothic(9), TextAlign.Center);
        c.Text(Heading.Right, Bottom + 5, $"作成 {DocumentFormat.DateTime(Stamp)}", TextStyle.Gothic(7), TextAlign.Right);
    }
}
