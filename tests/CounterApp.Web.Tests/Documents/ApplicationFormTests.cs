using CounterApp.Domain.Applications;
using CounterApp.Domain.Residents;
using CounterApp.Web.Documents.Forms;

namespace CounterApp.Web.Tests.Documents;

public sealed class ApplicationFormTests
{
    [Fact]
    public async Task IssuanceForm_WhenRenewalByProxy_PrefillsTheApplicantAndTicksRenewal()
    {
        var pdf = PdfTools.Renderer.Render(new CertificateApplicationForm(Data(Procedure.Renewal, ApplicantKind.Proxy)));
        await PdfTools.KeepAsync(pdf, "form-issuance");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));

        Assert.Equal(1, pdf.PageCount);
        Assert.True(pdf.IsComplete);
        Assert.Contains("電子証明書新規発行・更新申請書", text);
        Assert.Contains("上市町長 あて", text);
        Assert.Contains("□ 新規発行 ■ 更新", text);
        Assert.Contains("ユミノショウ ケイコ", text);
        Assert.Contains("弓庄 恵子", text);
        Assert.Contains("昭和47年(1972年)1月31日", text);
        Assert.Contains("富山県中新川郡上市町稗田1番地", text);
        Assert.Contains("K0007", text);
        Assert.Contains("3A0F1C55D2E4B6A8", text);
        Assert.Contains("□ 本人 ■ 代理人", text);
        Assert.Contains("令和8年(2026年)11月24日", text);
    }

    [Fact]
    [Trait("Rule", "R-RV-01")]
    public async Task RevocationForm_WhenCompromiseNotice_TicksTheNoticeAndNamesTheCertificate()
    {
        var pdf = PdfTools.Renderer.Render(new RevocationApplicationForm(Data(Procedure.CompromiseNotice, ApplicantKind.InPerson)));
        await PdfTools.KeepAsync(pdf, "form-revocation");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));

        Assert.Contains("電子証明書失効申請・秘密鍵漏えい等届出書", text);
        Assert.Contains("□ 失効申請 ■ 秘密鍵の漏えい等の届出", text);
        Assert.Contains("3A0F1C55D2E4B6A8", text);
        Assert.Contains("■ 本人 □ 代理人", text);
        Assert.Contains("秘密鍵が漏えいし", text);
    }

    [Fact]
    public void Forms_WhenProcedureDoesNotFit_Refuse()
    {
        Assert.Throws<ArgumentException>(() => new CertificateApplicationForm(Data(Procedure.RevocationRequest, ApplicantKind.InPerson)));
        Assert.Throws<ArgumentException>(() => new RevocationApplicationForm(Data(Procedure.NewIssuance, ApplicantKind.InPerson)));
    }

    private static ApplicationFormData Data(Procedure procedure, ApplicantKind applicant) => new(
        "上市町", "上市町役場 町民課", procedure, applicant, new DateOnly(2026, 11, 24), "弓庄", "恵子", "ユミノショウ", "ケイコ",
        new DateOnly(1972, 1, 31), Sex.Female, "富山県中新川郡上市町稗田1番地", "K0007", "3A0F1C55D2E4B6A8", "A-2026-0042");
}
