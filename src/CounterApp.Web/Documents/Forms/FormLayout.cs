using CounterApp.Domain.Applications;
using CounterApp.Web.Documents.Pdf;

namespace CounterApp.Web.Documents.Forms;

/// <summary>The parts both application forms share: the applicant table, the signature, the proxy and office-use boxes.</summary>
internal static class FormLayout
{
    public const double Left = Heading.Left;
    public const double Right = Heading.Right;
    public const double LabelWidth = 36;

    private static readonly TextStyle Label = TextStyle.Gothic(8.5);

    public static double Row(PdfCanvas c, double y, string label, string value, double height = 9, TextStyle? style = null)
    {
        c.Fill(Left, y, LabelWidth, height, 0.92);
        c.Box(Left, y, Right - Left, height, 0.4);
        c.Line(Left + LabelWidth, y, Left + LabelWidth, y + height, 0.4);
        c.Text(Left + 2.5, y + ((height - 3.2) / 2), label, Label, TextAlign.Left, LabelWidth - 4);
        var valueStyle = style ?? TextStyle.Mincho(11);
        c.Text(Left + LabelWidth + 3, y + ((height - (valueStyle.Size * 0.37)) / 2), value, valueStyle, TextAlign.Left, Right - Left - LabelWidth - 6);
        return y + height;
    }

    public static double Applicant(PdfCanvas c, double y, ApplicationFormData d)
    {
        c.Text(Left, y, "■ 申請者（電子証明書の利用者）", TextStyle.Gothic(10, bold: true));
        y += 6.5;
        y = Row(c, y, "フリガナ", $"{d.FamilyNameKana}　{d.GivenNameKana}", 7.5, TextStyle.Gothic(9));
        y = Row(c, y, "氏名", $"{d.FamilyName}　{d.GivenName}", 11, TextStyle.Mincho(14));
        y = Row(c, y, "生年月日", DocumentFormat.Date(d.BirthDate));
        y = Row(c, y, "性別", DocumentFormat.SexName(d.Sex));
        y = Row(c, y, "住所", d.Address, 11);
        y = Row(c, y, "住民基本台帳カード", d.CardNumber ?? string.Empty, 8.5, TextStyle.Gothic(10));
        return y + 4;
    }

    public static double Signature(PdfCanvas c, double y, string statement)
    {
        y += c.Paragraph(Left, y, Right - Left, statement, TextStyle.Mincho(10)) + 2;
        c.Text(Left, y + 3, "記入日　令和　　年　　月　　日", TextStyle.Gothic(9));
        c.Box(Left + 62, y, 92, 16, 0.6);
        c.Text(Left + 64, y + 1.2, "申請者署名（自署）", TextStyle.Gothic(7));
        Seal(c, Right - 20, y - 2);
        return y + 22;
    }

    public static double Proxy(PdfCanvas c, double y, ApplicantKind applicant)
    {
        c.Text(Left, y, $"■ 窓口に来た方　{DocumentFormat.Tick(applicant == ApplicantKind.InPerson)} 本人　{DocumentFormat.Tick(applicant == ApplicantKind.Proxy)} 代理人（委任状を添付）", TextStyle.Gothic(10, bold: true));
        y += 6.5;
        y = Row(c, y, "代理人の氏名", string.Empty);
        y = Row(c, y, "代理人の住所", string.Empty);
        y = Row(c, y, "本人との関係", string.Empty, 8);
        return y + 4;
    }

    /// <summary>The municipality's box at the foot of the page: reception, identity documents checked, seals.</summary>
    public static void OfficeUse(PdfCanvas c, double y, ApplicationFormData d, string extra)
    {
        const double bottom = 284;
        const double sealsLeft = Right - 60;
        y = Math.Max(y, bottom - 36);
        c.Box(Left, y, Right - Left, bottom - y, 0.8);
        c.Fill(Left + 0.4, y + 0.4, Right - Left - 0.8, 5.2, 0.85);
        c.Text(Left + 2, y + 1.3, "市区町村使用欄", TextStyle.Gothic(8.5, bold: true));
        var width = sealsLeft - Left - 6;
        var small = TextStyle.Gothic(8);
        var line = y + 9;
        c.Text(Left + 3, line, $"受付日　{DocumentFormat.Date(d.ReceivedOn)}　　受付番号　{d.ApplicationNumber ?? string.Empty}", small, TextAlign.Left, width);
        line += 6.5;
        c.Text(Left + 3, line, "本人確認書類　□ 住基カード（写真付）　□ 運転免許証　□ 旅券　□ その他（　　　　）", small, TextAlign.Left, width);
        line += 6.5;
        c.Text(Left + 3, line, extra, small, TextAlign.Left, width);
        string[] seals = ["受付", "確認", "決裁"];
        for (var i = 0; i < seals.Length; i++)
        {
            var x = sealsLeft + (i * 19.5);
            c.Box(x, y + 8, 18, 5, 0.3);
            c.Text(x + 9, y + 8.8, seals[i], TextStyle.Gothic(7), TextAlign.Center);
            c.Box(x, y + 13, 18, 18, 0.3);
        }
    }

    private static void Seal(PdfCanvas c, double x, double y)
    {
        c.Box(x, y, 20, 20, 0.5);
        c.Circle(x + 3, y + 3, 14, 0.25, dashed: true);
        c.Text(x + 10, y + 8.2, "印", TextStyle.Mincho(9), TextAlign.Center);
    }
}
