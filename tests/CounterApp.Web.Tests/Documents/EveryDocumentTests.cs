using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Residents;
using CounterApp.Web.Documents;
using CounterApp.Web.Documents.Certificates;
using CounterApp.Web.Documents.Forms;
using CounterApp.Web.Documents.Ledger;
using CounterApp.Web.Documents.Letters;
using CounterApp.Web.Documents.Receipts;

namespace CounterApp.Web.Tests.Documents;

public sealed class EveryDocumentTests
{
    public static TheoryData<string> Documents => new(All.Keys);

    private static Dictionary<string, PrintDocument> All => new()
    {
        ["letter"] = new InquiryLetterDocument(LetterSamples.Letter()),
        ["certificate-copy"] = new CertificateCopyDocument(new CertificateCopyData(
            "上市町", "上市町役場 町民課", "5B71E0A9C3D2F418", "森尻 誠", null, new DateOnly(1985, 9, 9), Sex.Male, "富山県中新川郡上市町稗田1番地",
            "富山県知事", new DateOnly(2026, 11, 24), new DateOnly(2029, 11, 23), CaFingerprint.FromHex(new string('A', 64), new string('b', 40)), new DateOnly(2026, 11, 24))),
        ["receipt"] = new ReceiptDocument(new ReceiptData("上市町", "上市町役場 町民課", "001-2026-000001", LedgerSamples.At(9, 0), [new FeeLine(FeeItem.CertificateRenewal, 500)], "窓口 一郎")),
        ["issuance-form"] = new CertificateApplicationForm(Form(Procedure.NewIssuance)),
        ["revocation-form"] = new RevocationApplicationForm(Form(Procedure.RevocationRequest)),
        ["daily-ledger"] = new DailyLedgerDocument(LedgerSamples.Closed(3, 1_500), LedgerSamples.At(17, 0)),
        ["monthly-ledger"] = new MonthlyLedgerDocument(new MonthlyLedger(LedgerSamples.Office, 2026, 11, []), LedgerSamples.At(17, 0)),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    [Trait("Rule", "R-X-04")]
    public async Task Render_WhenAnyDocument_CarriesMunicipalityTitleAndEraDateAndRendersWithPoppler(string name)
    {
        var document = All[name];

        var pdf = PdfTools.Renderer.Render(document);
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));
        var png = await PdfTools.RenderPageAsync(pdf, 1, 50);

        try
        {
            Assert.True(new FileInfo(png).Length > 5_000, "page 1 rendered");
            Assert.True(pdf.IsComplete);
            Assert.Contains("上市町", text);
            Assert.Contains(document.Title.Replace("・回答書", string.Empty, StringComparison.Ordinal), text);
            Assert.Matches(@"令和\d+年\(20\d\d年\)\d+月\d+日", text);
            Assert.Equal(210, Math.Round(PdfSharpPageWidthMm(pdf)));
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static ApplicationFormData Form(Procedure procedure) => new(
        "上市町", "上市町役場 町民課", procedure, ApplicantKind.InPerson, new DateOnly(2026, 11, 24), "上市", "太郎", "カミイチ", "タロウ",
        new DateOnly(1980, 4, 2), Sex.Male, "富山県中新川郡上市町稗田1番地");

    // A4: the MediaBox of page 1 is 595 × 842 points.
    private static double PdfSharpPageWidthMm(RenderedDocument pdf)
    {
        using var stream = new MemoryStream(pdf.ToArray());
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.Pages[0].Width.Millimeter;
    }
}
