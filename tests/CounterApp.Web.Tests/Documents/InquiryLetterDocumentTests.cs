using CounterApp.Domain.Applications;
using CounterApp.Web.Documents.Letters;

namespace CounterApp.Web.Tests.Documents;

public sealed class InquiryLetterDocumentTests
{
    [Fact]
    [Trait("Rule", "R-VI-04")]
    public async Task Render_WhenOneLetter_PrintsAddressReferenceValidityAndWhatToBring()
    {
        var letter = LetterSamples.Letter();

        var pdf = PdfTools.Renderer.Render(new InquiryLetterDocument(letter));
        await PdfTools.KeepAsync(pdf, "letter");
        var text = PdfTools.Squeeze(await PdfTools.TextAsync(pdf));

        Assert.Equal(1, pdf.PageCount);
        Assert.True(pdf.IsComplete);
        Assert.Contains("電子証明書の発行申請に係る照会書", text);
        Assert.Contains("回 答 書", text);
        Assert.Contains("上市町長", text);
        Assert.Contains("富山県中新川郡上市町稗田1番地", text);
        Assert.Contains("剱 花子 様", text);
        Assert.Contains($"照会番号 {letter.Reference.Display}", text);
        Assert.Contains("令和8年(2026年)11月24日", text);
        Assert.Contains("電子証明書の新規発行", text);
        Assert.Contains("令和8年(2026年)11月20日", text);
        Assert.Contains("令和8年(2026年)12月24日まで", text);
        // R-VI-02 in person, R-PX-02 by proxy.
        Assert.Contains("住民基本台帳カード", text);
        Assert.Contains("委任状", text);
        Assert.Contains("印鑑登録証明書（発行から3か月以内のもの）", text);
        Assert.Contains("代理人ご自身の顔写真付きの本人確認書類", text);
        // R-PX-01: the password boxes under a concealing seal; R-VI-05: never forwarded.
        Assert.Contains("目隠しシール貼付欄", text);
        Assert.Contains("4～16文字", text);
        Assert.Contains("転送不要", text);
        Assert.Contains("委任欄", text);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public async Task Render_WhenPrinted_TheQrCodesDecodeToTheReferenceNumber()
    {
        var letter = LetterSamples.Letter(12_345_678_901);

        var pdf = PdfTools.Renderer.Render(new InquiryLetterDocument(letter));
        var codes = await PdfTools.QrCodesAsync(pdf);

        // One on the letter (through the envelope window side), one on the answer sheet that comes back.
        Assert.Equal(2, codes.Count);
        Assert.All(codes, c => Assert.Equal(letter.Reference.Value, c));
        Assert.True(Domain.Letters.InquiryReference.TryParse(codes[0], out var parsed));
        Assert.Equal(letter.Reference, parsed);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public async Task Render_WhenBatchOfLetters_OneLetterAPageInOrder()
    {
        var letters = Enumerable.Range(1, 3).Select(i => LetterSamples.Letter(16_322_800_000 + i, $"上市 太郎{i}", ApplicantKind.InPerson)).ToList();

        var pdf = PdfTools.Renderer.Render(new InquiryLetterDocument(letters));

        Assert.Equal(3, pdf.PageCount);
        for (var i = 0; i < 3; i++)
        {
            var page = PdfTools.Squeeze(await PdfTools.TextAsync(pdf, i + 1));
            Assert.Contains($"上市 太郎{i + 1} 様", page);
            Assert.Contains(letters[i].Reference.Display, page);
            Assert.Equal([letters[i].Reference.Value, letters[i].Reference.Value], await PdfTools.QrCodesAsync(pdf, i + 1));
        }
    }

    [Fact]
    public void Render_WhenNameHasACharacterOutsideTheFont_ReportsIt()
    {
        var pdf = PdfTools.Renderer.Render(new InquiryLetterDocument(LetterSamples.Letter(name: "𠮷野 花子")));

        var missing = Assert.Single(pdf.MissingCharacters.DistinctBy(m => m.CodePoint));
        Assert.Equal("𠮷", missing.Character);
    }
}
