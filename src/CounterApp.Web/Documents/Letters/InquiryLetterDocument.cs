using CounterApp.Domain.Applications;
using CounterApp.Web.Documents.Pdf;

namespace CounterApp.Web.Documents.Letters;

/// <summary>
/// 照会書 with its 回答書, one letter a page (R-VI-02..05, R-PX-01/02). The top third shows the resident's registered
/// name and address through the window of a 長形3号 envelope (A4 folded in three); the answer sheet below the cut line
/// comes back on the second visit with the password under a concealing seal. Several letters print as one batch.
/// </summary>
public sealed class InquiryLetterDocument : PrintDocument
{
    private const double Left = 15;
    private const double Right = 195;
    private const double Cut = 176;

    private static readonly TextStyle Body = TextStyle.Mincho(9.5);
    private static readonly TextStyle Small = TextStyle.Mincho(8.3);
    private static readonly TextStyle Label = TextStyle.Gothic(8.5);

    private readonly IReadOnlyList<InquiryLetterData> _letters;

    public InquiryLetterDocument(params IReadOnlyList<InquiryLetterData> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentOutOfRangeException.ThrowIfZero(letters.Count);
        _letters = letters;
    }

    public IReadOnlyList<InquiryLetterData> Letters => _letters;

    public override string Title => "電子証明書の発行申請に係る照会書・回答書";

    public override DateTimeOffset Stamp =>
        new(_letters.Max(l => l.MailedOn).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));

    internal override void Compose(DocumentComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        var qr = new Dictionary<string, QrMatrix>(StringComparer.Ordinal);
        foreach (var letter in _letters)
        {
            using var canvas = composer.AddPage();
            var matrix = qr.TryGetValue(letter.Reference.Value, out var m) ? m : qr[letter.Reference.Value] = QrMatrix.Encode(letter.Reference.Value);
            Letter(canvas, letter, matrix);
            AnswerSheet(canvas, letter, matrix);
        }
    }

    private static void Letter(PdfCanvas c, InquiryLetterData l, QrMatrix qr)
    {
        // Fold marks for the three-fold into a 長形3号 envelope.
        c.Line(3, 99, 8, 99, 0.4);
        c.Line(3, 198, 8, 198, 0.4);

        c.Text(Right, 10, DocumentFormat.Date(l.MailedOn), TextStyle.Gothic(9.5), TextAlign.Right);
        c.Text(Right, 15, $"照会番号 {l.Reference.Display}", TextStyle.Gothic(9.5, bold: true), TextAlign.Right);

        // The window: 長形3号 windows sit about 20 mm from the left and 15 mm from the top of the folded letter.
        var addressHeight = c.Paragraph(24, 25, 84, l.Address, TextStyle.Mincho(11));
        c.Text(28, 27 + addressHeight + 3, $"{l.AddresseeName}　様", TextStyle.Mincho(15), TextAlign.Left, 82);
        c.Text(24, 52, "転送不要", TextStyle.Gothic(8, bold: true));

        c.QrCode(163, 22, 26, qr);
        c.Text(176, 48.5, "照会番号", TextStyle.Gothic(6.5), TextAlign.Center);

        c.Text(Right, 55, $"{l.MunicipalityName}長", TextStyle.Mincho(11), TextAlign.Right);
        c.Text(Right, 61, $"（担当：{l.OfficeName}）", TextStyle.Gothic(8.5), TextAlign.Right);

        c.Text(PdfCanvas.PageWidth / 2, 68, "電子証明書の発行申請に係る照会書", TextStyle.Gothic(15, bold: true), TextAlign.Center);
        var procedure = DocumentFormat.ProcedureName(l.Procedure);
        var y = 77.5;
        y += c.Paragraph(Left, y, Right - Left,
            $"　あなたから、公的個人認証サービスの{procedure}の申請がありました。ご本人の意思による申請であることを確認するため、この照会書をお送りします。"
            + "申請に心当たりがある場合は、下の回答書に記入・押印し、有効期限までに次のものをお持ちのうえ、窓口へお越しください。"
            + "心当たりがない場合は、担当までご連絡ください。",
            Body) + 2;

        string[][] facts =
        [
            ["申請の内容", procedure],
            ["申請日", DocumentFormat.Date(l.AppliedOn)],
            ["申請された方", l.Applicant == ApplicantKind.Proxy ? "代理人" : "ご本人"],
            ["この照会書の有効期限", $"{DocumentFormat.Date(l.ValidThrough)}まで"],
        ];
        foreach (var fact in facts)
        {
            c.Box(Left, y, 45, 5.6, 0.4);
            c.Fill(Left + 0.2, y + 0.2, 44.6, 5.2, 0.92);
            c.Box(Left + 45, y, Right - Left - 45, 5.6, 0.4);
            c.Text(Left + 2, y + 1.3, fact[0], Label);
            c.Text(Left + 47, y + 1.2, fact[1], TextStyle.Gothic(9, bold: fact[0].Contains("有効期限", StringComparison.Ordinal)));
            y += 5.6;
        }

        y += 2.5;
        string[] inPerson =
        [
            "この照会書（下の回答書に記入・押印したもの）",
            "住民基本台帳カード",
            "印鑑（回答書に押したもの）",
        ];
        string[] byProxy =
        [
            "回答書（ご本人が記入・押印し、パスワード欄を目隠しシールで覆ったもの）",
            "ご本人の住民基本台帳カード（4桁の暗証番号の入力が必要です）",
            "委任状（ご本人が署名・押印したもの。下の回答書の委任欄でも可）",
            "委任状に押した印鑑の印鑑登録証明書（発行から3か月以内のもの）",
            "代理人ご自身の顔写真付きの本人確認書類（運転免許証・旅券など）",
        ];
        const double personWidth = 60;
        var left = Bring(c, Left, y, personWidth, "ご本人がお越しの場合", inPerson);
        var right = Bring(c, Left + personWidth + 3, y, Right - Left - personWidth - 3, "代理人がお越しの場合（すべて必要です）", byProxy);
        y += Math.Max(left, right) + 2;

        c.Paragraph(Left, y, Right - Left,
            "※ この照会書は住民基本台帳に記録された住所あてにお送りしており、転送はされません。有効期限を過ぎたもの、再発行により無効となったものは使えません。"
            + "パスワードは代理人に知られないよう、必ずご本人が記入し目隠しシールを貼ってください。",
            Small);
    }

    private static double Bring(PdfCanvas c, double x, double y, double width, string title, IReadOnlyList<string> items)
    {
        var height = 6.5;
        var lines = items.Select(i => c.Wrap(i, width - 8, Small)).ToList();
        height += (lines.Sum(l => l.Count) * Small.LineHeight) + 1.5;
        c.Box(x, y, width, height, 0.5);
        c.Fill(x + 0.25, y + 0.25, width - 0.5, 5.5, 0.9);
        c.Text(x + 2, y + 1.4, title, TextStyle.Gothic(8.8, bold: true));
        var line = y + 7;
        foreach (var item in lines)
        {
            c.Text(x + 2, line, "・", Small);
            foreach (var text in item)
            {
                c.Text(x + 5.5, line, text, Small);
                line += Small.LineHeight;
            }
        }

        return height;
    }

    private static void AnswerSheet(PdfCanvas c, InquiryLetterData l, QrMatrix qr)
    {
        c.Line(Left - 5, Cut, Right + 5, Cut, 0.5, dashed: true);
        c.Text(PdfCanvas.PageWidth / 2, Cut - 3.6, "－ 切り取り線：ここから下を切り取ってお持ちください －", TextStyle.Gothic(6.8), TextAlign.Center);

        var top = Cut + 4;
        c.Text(Left, top, $"{l.MunicipalityName}長　あて", TextStyle.Mincho(10));
        c.Text(PdfCanvas.PageWidth / 2, top + 1, "回　答　書", TextStyle.Gothic(15, bold: true), TextAlign.Center);
        c.QrCode(Right - 17, top - 1.5, 17, qr);
        c.Text(Right - 19, top, $"照会番号 {l.Reference.Display}", TextStyle.Gothic(8.5, bold: true), TextAlign.Right);
        c.Text(Right - 19, top + 4.5, $"有効期限 {DocumentFormat.ShortDate(l.ValidThrough)}", TextStyle.Gothic(7.5), TextAlign.Right);

        var y = top + 11;
        c.Text(Left, y, $"　私は、{DocumentFormat.Date(l.AppliedOn)}に、電子証明書の{ProcedureShort(l)}を申請したことに相違ありません。", Body);
        y += 6;

        // Resident: printed from the register, signed and sealed by hand.
        c.Box(Left, y, 150, 19, 0.5);
        c.Line(Left, y + 8, Left + 150, y + 8, 0.3);
        c.Line(Left + 18, y, Left + 18, y + 19, 0.3);
        c.Text(Left + 3, y + 2.3, "住　所", Label);
        c.Text(Left + 20, y + 2.2, l.Address, TextStyle.Mincho(9), TextAlign.Left, 128);
        c.Text(Left + 3, y + 10.5, "氏　名", Label);
        c.Text(Left + 3, y + 14.5, "（自署）", TextStyle.Gothic(6.5));
        c.Text(Left + 20, y + 9.2, $"（{l.AddresseeName}）", TextStyle.Mincho(7.5), TextAlign.Left, 60);
        Seal(c, Right - 22, y, "ご本人の印");
        c.Text(Left + 98, y + 14, "記入日　令和　　年　　月　　日", TextStyle.Gothic(7.5));
        y += 22;

        // R-PX-01: the password is written here and covered by the concealing seal; nobody but the resident sees it.
        c.Text(Left, y, "電子証明書のパスワード（英大文字A～Z・数字0～9で4～16文字。1マスに1文字、左から記入）", TextStyle.Gothic(8.3, bold: true));
        y += 4.8;
        const double box = 8.2;
        var boxesLeft = Left + 5;
        c.Box(Left, y, (16 * box) + 10, box + 11, 0.8, dashed: true);
        c.Text(Left + 2, y + 1, "目隠しシール貼付欄　記入後、この破線の枠全体をシールで覆ってください", TextStyle.Gothic(6.8, bold: true));
        for (var i = 0; i < 16; i++)
        {
            var bx = boxesLeft + (i * box);
            c.Text(bx + (box / 2), y + 4.6, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), TextStyle.Gothic(5.5), TextAlign.Center);
            c.Box(bx, y + 7.2, box, box, i < 4 ? 0.8 : 0.4);
        }

        var noteX = Left + (16 * box) + 14;
        c.Paragraph(noteX, y + 0.5, Right - noteX, "太枠の1～4文字目は必須です。パスワードは窓口職員が入力し、画面に表示されることはありません。", TextStyle.Gothic(6.8));
        y += box + 14;

        // Delegation (委任欄): filled in only when a proxy comes for the resident.
        c.Box(Left, y, Right - Left, 287 - y, 0.5);
        c.Fill(Left + 0.25, y + 0.25, Right - Left - 0.5, 5.3, 0.9);
        c.Text(Left + 2, y + 1.3, "委任欄（代理人がお越しの場合にご本人が記入してください）", TextStyle.Gothic(8.8, bold: true));
        y += 7;
        c.Paragraph(Left + 2, y, Right - Left - 30, $"　私は、次の者を代理人と定め、電子証明書の{ProcedureShort(l)}の申請及び電子証明書の受領に関する権限を委任します。", Small);
        y += 8;
        string[] rows = ["代理人の住所", "代理人の氏名", "代理人の生年月日　　　　　年　　　月　　　日"];
        foreach (var row in rows)
        {
            c.Text(Left + 3, y + 1, row, Label);
            c.Line(Left + 3, y + 6, Left + 140, y + 6, 0.3);
            y += 7;
        }

        Seal(c, Right - 22, y - 21, "ご本人の印\n（印鑑登録の印）");
    }

    private static void Seal(PdfCanvas c, double x, double y, string caption)
    {
        c.Box(x, y, 19, 19, 0.5);
        c.Circle(x + 2.5, y + 2.5, 14, 0.25, dashed: true);
        c.Text(x + 9.5, y + 8.5, "印", TextStyle.Mincho(9), TextAlign.Center);
        var lines = caption.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            c.Text(x + 9.5, y + 19.8 + (i * 2.8), lines[i], TextStyle.Gothic(5.8), TextAlign.Center);
        }
    }

    private static string ProcedureShort(InquiryLetterData l) =>
        DocumentFormat.ProcedureName(l.Procedure).Replace("電子証明書の", string.Empty, StringComparison.Ordinal);
}
