using CounterApp.Domain.Applications;
using CounterApp.Web.Documents.Pdf;

namespace CounterApp.Web.Documents.Forms;

/// <summary>電子証明書新規発行・更新申請書, pre-filled, for the resident's signature.</summary>
public sealed class CertificateApplicationForm : PrintDocument
{
    public CertificateApplicationForm(ApplicationFormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Procedure.IssuesCertificate())
        {
            throw new ArgumentException($"{data.Procedure} is not a new issuance or renewal.", nameof(data));
        }

        Data = data;
    }

    public ApplicationFormData Data { get; }

    public override string Title => "電子証明書新規発行・更新申請書";

    public override DateTimeOffset Stamp => new(Data.ReceivedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));

    internal override void Compose(DocumentComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        using var c = composer.AddPage();
        var d = Data;
        var y = Heading.Draw(c, 12, d.MunicipalityName, Title, DocumentFormat.Date(d.ReceivedOn), 16);
        c.Text(FormLayout.Left, y + 2, $"{d.MunicipalityName}長　あて", TextStyle.Mincho(11));
        y += 11;
        c.Text(FormLayout.Left, y, "■ 申請の種類", TextStyle.Gothic(10, bold: true));
        c.Text(FormLayout.Left + 32, y,
            $"{DocumentFormat.Tick(d.Procedure == Procedure.NewIssuance)} 新規発行　　{DocumentFormat.Tick(d.Procedure == Procedure.Renewal)} 更新（現在の電子証明書の有効期限の3か月前から）",
            TextStyle.Gothic(10));
        y += 8;
        y = FormLayout.Applicant(c, y, d);
        if (d.Procedure == Procedure.Renewal)
        {
            y = FormLayout.Row(c, y - 4, "更新する証明書", d.CertificateSerial ?? string.Empty, 8.5, TextStyle.Gothic(10)) + 4;
        }

        y = FormLayout.Signature(c, y,
            "　私は、公的個人認証サービスの利用者として、上記のとおり署名用電子証明書の発行を申請します。"
            + "住民基本台帳カードに鍵ペアを生成し、電子証明書を記録することに同意します。記載事項は事実と相違ありません。");
        y = FormLayout.Proxy(c, y, d.Applicant);
        FormLayout.OfficeUse(c, y, d, "照会書番号（　　　　　　　　　）　　発行手数料　□ 収納済（領収番号　　　　　　　　）");
    }
}
