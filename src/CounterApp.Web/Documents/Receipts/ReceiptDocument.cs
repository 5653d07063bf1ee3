using CounterApp.Domain.Time;
using CounterApp.Web.Documents.Pdf;

namespace CounterApp.Web.Documents.Receipts;

/// <summary>領収書 for one payment: the receipt in the upper half, the office's copy (控) below the cut line.</summary>
public sealed class ReceiptDocument(ReceiptData data) : PrintDocument
{
    private const double Left = Heading.Left;
    private const double Right = Heading.Right;

    public ReceiptData Data => data;

    public override string Title => "領収書";

    public override DateTimeOffset Stamp => data.PaidAt;

    internal override void Compose(DocumentComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        using var c = composer.AddPage();
        Receipt(c, 12, "領　収　書", forResident: true);
        c.Line(Left - 5, 148.5, Right + 5, 148.5, 0.5, dashed: true);
        c.Text(PdfCanvas.PageWidth / 2, 145, "－ 切り取り線 －", TextStyle.Gothic(6.8), TextAlign.Center);
        Receipt(c, 160, "領収書（控）", forResident: false);
    }

    private void Receipt(PdfCanvas c, double top, string title, bool forResident)
    {
        var day = DateOnly.FromDateTime(TokyoClock.ToTokyo(data.PaidAt));
        var y = Heading.Draw(c, top, data.MunicipalityName, title, DocumentFormat.Date(day), 17);
        c.Text(Right, y - 7, $"No. {data.Number}", TextStyle.Gothic(10, bold: true), TextAlign.Right);
        y += 2;
        var payer = string.IsNullOrWhiteSpace(data.PayerName) ? string.Empty : data.PayerName;
        c.Text(Left + 2, y + 1, payer, TextStyle.Mincho(13), TextAlign.Left, 95);
        c.Text(Left + 100, y + 1.5, "様", TextStyle.Mincho(12));
        c.Line(Left, y + 8, Left + 106, y + 8, 0.6);
        y += 14;

        // The amount, framed, with the marks that stop a digit being added in front or behind.
        c.Box(Left + 20, y, 120, 14, 1.2);
        c.Text(Left + 24, y + 4.2, "金額", TextStyle.Gothic(11));
        c.Text(Left + 136, y + 2.3, $"￥{DocumentFormat.Amount(data.Total)}－", TextStyle.Gothic(20, bold: true), TextAlign.Right);
        y += 19;

        var lineY = y;
        foreach (var line in data.Lines)
        {
            c.Text(Left + 24, lineY, $"ただし　{DocumentFormat.FeeItemName(line.Item)}", TextStyle.Mincho(10.5));
            c.Text(Left + 136, lineY, DocumentFormat.Yen(line.Amount), TextStyle.Mincho(10.5), TextAlign.Right);
            lineY += 5.8;
        }

        c.Text(Left + 24, lineY + 1, "上記の金額を領収しました。", TextStyle.Mincho(10.5));

        var infoY = top + 82;
        c.Text(Left, infoY, $"領収日時　{DocumentFormat.DateTime(data.PaidAt)}", TextStyle.Gothic(8.5));
        c.Text(Left, infoY + 5, $"取扱場所　{data.OfficeName}{(data.CounterName is { Length: > 0 } counter ? "　" + counter : string.Empty)}", TextStyle.Gothic(8.5));
        c.Text(Left, infoY + 10, $"取扱者　　{data.ClerkName}", TextStyle.Gothic(8.5));
        c.Text(Left, infoY + 15, forResident ? "この領収書は大切に保管してください。" : "（控）事務処理用", TextStyle.Gothic(7.5));

        c.Text(Right - 30, infoY + 1, $"{data.MunicipalityName}長", TextStyle.Mincho(12), TextAlign.Right);
        c.Box(Right - 24, infoY - 4, 24, 24, 0.5);
        c.Text(Right - 12, infoY + 21.5, "領収印", TextStyle.Gothic(6.5), TextAlign.Center);
    }
}
