using CounterApp.Web.Documents.Pdf;

namespace CounterApp.Web.Documents.Certificates;

/// <summary>電子証明書の写し (R-CE-06/07), handed to the resident: one A4 page.</summary>
public sealed class CertificateCopyDocument(CertificateCopyData data) : PrintDocument
{
    private const double Left = Heading.Left;
    private const double Right = Heading.Right;
    private const double LabelWidth = 48;

    public CertificateCopyData Data => data;

    public override string Title => "電子証明書の写し";

    public override DateTimeOffset Stamp => new(data.PrintedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));

    internal override void Compose(DocumentComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        using var c = composer.AddPage();
        var y = Heading.Draw(c, 15, data.MunicipalityName, Title, DocumentFormat.Date(data.PrintedOn));
        c.Text(PdfCanvas.PageWidth / 2, y, "（公的個人認証サービス　署名用電子証明書）", TextStyle.Gothic(9.5), TextAlign.Center);
        y += 10;

        // The expiry first and large: it is what the resident needs to remember.
        c.Box(Left, y, Right - Left, 20, 1);
        c.Text(Left + 4, y + 3, "有効期限", TextStyle.Gothic(10, bold: true));
        c.Text(Left + 40, y + 2.2, DocumentFormat.ShortDate(data.ExpiresOn), TextStyle.Gothic(16, bold: true));
        c.Text(Left + 40, y + 11.5, $"（西暦 {DocumentFormat.Gregorian(data.ExpiresOn)}）まで有効", TextStyle.Gothic(10));
        y += 26;

        y = Section(c, y, "電子証明書の内容");
        y = Row(c, y, "シリアル番号", data.Serial);
        y = Row(c, y, "発行者", data.Issuer);
        y = Row(c, y, "有効期間の開始日", DocumentFormat.Date(data.ValidFrom));
        y = Row(c, y, "有効期間の満了日", $"{DocumentFormat.Date(data.ExpiresOn)}（{DocumentFormat.Gregorian(data.ExpiresOn)}）");
        y += 5;

        y = Section(c, y, "記録されている基本4情報");
        y = Row(c, y, "氏名", data.SubjectNameKana is { Length: > 0 } kana ? $"{data.SubjectName}（{kana}）" : data.SubjectName);
        y = Row(c, y, "生年月日", $"{DocumentFormat.Date(data.BirthDate)}");
        y = Row(c, y, "性別", DocumentFormat.SexName(data.Sex));
        y = Row(c, y, "住所", data.Address);
        y += 5;

        y = Section(c, y, "認証局（都道府県知事）の自己署名証明書のフィンガープリント");
        y = Row(c, y, "SHA-256", data.CaFingerprint.Sha256, mono: true);
        y = Row(c, y, "SHA-1", data.CaFingerprint.Sha1, mono: true);
        y += 3;
        y += c.Paragraph(Left, y, Right - Left,
            "※ 認証局の証明書をパソコン等に取り込む際は、表示されるフィンガープリントが上記と一致することを確かめてください。"
            + "一致しない場合は取り込まず、窓口へお問い合わせください。",
            TextStyle.Gothic(8.5));
        y += 4;
        c.Paragraph(Left, y, Right - Left,
            "※ 有効期限の3か月前から更新の申請ができます。パスワードを5回続けて誤るとロックされます（解除はご本人が窓口で行います）。"
            + "引越しや氏名の変更などで記録されている情報が変わると、この電子証明書は失効します。",
            TextStyle.Gothic(8.5));

        c.Line(Left, 268, Right, 268, 0.4);
        c.Text(Right, 271, $"{data.MunicipalityName}長", TextStyle.Mincho(11), TextAlign.Right);
        c.Text(Right, 277, $"（{data.OfficeName}）", TextStyle.Gothic(8.5), TextAlign.Right);
        c.Text(Left, 271, "この写しは電子証明書の内容をお知らせするものであり、証明書そのものではありません。", TextStyle.Gothic(7.5));
    }

    private static double Section(PdfCanvas c, double y, string title)
    {
        c.Text(Left, y, "■ " + title, TextStyle.Gothic(10.5, bold: true));
        return y + 7;
    }

    private static double Row(PdfCanvas c, double y, string label, string value, bool mono = false)
    {
        var style = mono ? TextStyle.Gothic(9) : TextStyle.Mincho(10.5);
        var lines = c.Wrap(value, Right - Left - LabelWidth - 4, style);
        var height = Math.Max(8, (lines.Count * style.LineHeight) + 3.2);
        c.Fill(Left, y, LabelWidth, height, 0.92);
        c.Box(Left, y, Right - Left, height, 0.4);
        c.Line(Left + LabelWidth, y, Left + LabelWidth, y + height, 0.4);
        c.Text(Left + 3, y + ((height - 3.3) / 2), label, TextStyle.Gothic(9));
        c.Paragraph(Left + LabelWidth + 3, y + ((height - (lines.Count * style.LineHeight)) / 2) + 0.4, Right - Left - LabelWidth - 4, value, style);
        return y + height;
    }
}
