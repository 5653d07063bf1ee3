using System.Globalization;
using CounterApp.Domain.Fees;
using CounterApp.Web.Documents.Pdf;

namespace CounterApp.Web.Documents.Ledger;

/// <summary>手数料月計表: per day and per procedure for one office and month, with the month's totals.</summary>
public sealed class MonthlyLedgerDocument(MonthlyLedger month, DateTimeOffset printedAt) : PrintDocument
{
    private const double Left = Heading.Left;
    private const double RowHeight = 5.6;

    public MonthlyLedger Month => month;

    public override string Title => "手数料月計表";

    public override DateTimeOffset Stamp => printedAt;

    internal override void Compose(DocumentComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        var items = Enum.GetValues<FeeItem>();
        List<Column> columns = [new("日付", 34), new("件数", 14, TextAlign.Right)];
        columns.AddRange(items.Select(i => new Column(DocumentFormat.FeeItemShortName(i), 20, TextAlign.Right)));
        columns.AddRange([new("取消・還付", 20, TextAlign.Right), new("差引計", 22, TextAlign.Right), new("現金過不足", 18, TextAlign.Right), new("締め", 12, TextAlign.Center)]);
        var table = new Table(Left, columns, TextStyle.Gothic(8));

        var first = new DateOnly(month.Year, month.Month, 1);
        var flow = new FlowLayout(40, 282);
        flow.Place(RowHeight, (c, y) => table.Header(c, y, RowHeight));
        flow.Continue(() => flow.Place(RowHeight, (c, y) => table.Header(c, y, RowHeight)));
        foreach (var day in month.Days.OrderBy(d => d.Day))
        {
            List<string> cells = [DocumentFormat.ShortDate(day.Day) + Weekday(day.Day), $"{day.Receipts}件"];
            cells.AddRange(items.Select(i => DocumentFormat.Amount(day.CollectedByItem.GetValueOrDefault(i))));
            cells.AddRange([
                DocumentFormat.Amount(-day.Voided),
                DocumentFormat.Amount(day.Net),
                day.Difference is { } d ? DocumentFormat.Amount(d) : "－",
                day.Closed ? "済" : "未",
            ]);
            flow.Place(RowHeight, (c, y) => table.Row(c, y, RowHeight, cells));
        }

        List<string> totals = ["月計", $"{month.Days.Sum(d => d.Receipts)}件"];
        totals.AddRange(items.Select(i => DocumentFormat.Amount(month.CollectedFor(i))));
        totals.AddRange([DocumentFormat.Amount(-month.Voided), DocumentFormat.Amount(month.Net), DocumentFormat.Amount(month.Days.Sum(d => d.Difference ?? 0)), string.Empty]);
        flow.Continue(null);
        flow.Place(RowHeight, (c, y) => table.Row(c, y, RowHeight, totals, bold: true, shade: 0.95));
        flow.Skip(6);

        flow.Place(8, (c, y) => c.Text(Left, y + 1.5, "■ 手続別の月計", TextStyle.Gothic(10, bold: true)));
        var byItem = new Table(Left, [new("手続", 70), new("収納額（円）", 40, TextAlign.Right)], TextStyle.Gothic(8.5));
        flow.Place(RowHeight, (c, y) => byItem.Header(c, y, RowHeight));
        foreach (var item in items)
        {
            string[] cells = [DocumentFormat.FeeItemName(item), DocumentFormat.Amount(month.CollectedFor(item))];
            flow.Place(RowHeight, (c, y) => byItem.Row(c, y, RowHeight, cells));
        }

        string[] voided = ["取消・還付", DocumentFormat.Amount(-month.Voided)];
        flow.Place(RowHeight, (c, y) => byItem.Row(c, y, RowHeight, voided));
        string[] net = ["差引計", DocumentFormat.Amount(month.Net)];
        flow.Place(RowHeight, (c, y) => byItem.Row(c, y, RowHeight, net, bold: true, shade: 0.95));
        var open = month.Days.Count(d => !d.Closed);
        if (open > 0)
        {
            flow.Place(8, (c, y) => c.Text(Left, y + 3, $"※ 未締めの日が{open}日あります。締め後に数値が変わることがあります。", TextStyle.Gothic(8.5, bold: true)));
        }

        var monthText = JapaneseMonth(first);
        flow.Render(composer, (c, page, pages) =>
        {
            var y = Heading.Draw(c, 12, month.Office.MunicipalityName, Title, DocumentFormat.Date(DateOnly.FromDateTime(Domain.Time.TokyoClock.ToTokyo(printedAt))), 17);
            c.Text(Left, y - 1, $"{month.Office.OfficeName}（{month.Office.OfficeCode}）", TextStyle.Gothic(9.5));
            c.Text(Heading.Right, y - 1, monthText, TextStyle.Gothic(10.5, bold: true), TextAlign.Right);
            c.Line(Left, y + 5, Heading.Right, y + 5, 0.8);
            c.Text(PdfCanvas.PageWidth / 2, 287, $"{page} / {pages}", TextStyle.Gothic(9), TextAlign.Center);
        });
    }

    /// <summary>令和8年(2026年)11月分.</summary>
    private static string JapaneseMonth(DateOnly first)
    {
        var (era, year) = Domain.Eras.JapaneseEraDate.EraOf(first);
        var yearText = year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{era.Name}{yearText}年({first.Year}年){first.Month}月分");
    }

    private static string Weekday(DateOnly day) => "（" + "日月火水木金土"[(int)day.DayOfWeek] + "）";
}
