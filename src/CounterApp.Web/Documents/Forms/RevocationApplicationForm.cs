using CounterApp.Domain.Applications;
using CounterApp.Web.Documents.Pdf;

namespace CounterApp.Web.Documents.Forms;

/// <summary>電子証明書失効申請・秘密鍵漏えい等届出書 (R-RV-01), pre-filled, for the resident's signature.</summary>
public sealed class RevocationApplicationForm : PrintDocument
{
    public RevocationApplicationForm(ApplicationFormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Procedure.Revokes())
        {
            throw new ArgumentException($"{data.Procedure} is not a revocation request or compromise notice.", nameof(data));
        }

        Data = data;
    }

    public ApplicationFormData Data { get; }

    public override string Title => "電子証明書失効申請・秘密鍵漏えい等届出書";

    public override DateTimeOffset Stamp => new(Data.ReceivedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));

    internal override void Compose(DocumentComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        using var c = composer.AddPage();
        var d = Data;
        var y = Heading.Draw(c, 12, d.MunicipalityName, Title, DocumentFormat.Date(d.ReceivedOn), 16);
        c.Text(FormLayout.Left, y + 2, $"{d.MunicipalityName}長　あて", TextStyle.Mincho(11));
        y += 11;
        c.Text(FormLayout.Left, y, "■ 申請・届出の種類", TextStyle.Gothic(10, bold: true));
        c.Text(FormLayout.Left + 40, y,
            $"{DocumentFormat.Tick(d.Procedure == Procedure.RevocationRequest)} 失効申請　　{DocumentFormat.Tick(d.Procedure == Procedure.CompromiseNotice)} 秘密鍵の漏えい等の届出（パスワードの漏えいを含む）",
            TextStyle.Gothic(10));
        y += 8;
        y = FormLayout.Applicant(c, y, d);
        y = FormLayout.Row(c, y - 4, "失効する証明書", d.CertificateSerial ?? string.Empty, 8.5, TextStyle.Gothic(10)) + 4;
        c.Text(FormLayout.Left, y, "■ 理由（あてはまるものに印）", TextStyle.Gothic(10, bold: true));
        y += 6.5;
        c.Text(FormLayout.Left + 3, y, "□ 住民基本台帳カードの紛失・盗難　　□ パスワード・秘密鍵の漏えい（おそれを含む）　　□ 利用をやめる", TextStyle.Gothic(9), TextAlign.Left, FormLayout.Right - FormLayout.Left - 6);
        y += 6;
        c.Text(FormLayout.Left + 3, y, "□ その他（　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　）", TextStyle.Gothic(9));
        y += 9;
        y = FormLayout.Signature(c, y,
            d.Procedure == Procedure.CompromiseNotice
                ? "　私の署名用電子証明書に係る秘密鍵が漏えいし、又は漏えいしたおそれがあるので届け出ます。当該電子証明書が直ちに失効することを了承します。"
                : "　私の署名用電子証明書の失効を申請します。失効した電子証明書は再び使えないことを了承します。");
        y = FormLayout.Proxy(c, y, d.Applicant);
        FormLayout.OfficeUse(c, y, d, "失効日時　令和　　年　　月　　日　　時　　分　　　失効理由コード");
    }
}
