using CounterApp.Web.Documents.Fonts;
using CounterApp.Web.Documents.Pdf;
using PdfSharp.Pdf;

namespace CounterApp.Web.Documents;

/// <summary>Turns a <see cref="PrintDocument"/> into PDF bytes: A4, fonts embedded (subset), deterministic output.</summary>
public sealed class DocumentRenderer(DocumentFonts fonts)
{
    public DocumentFonts Fonts => fonts;

    public RenderedDocument Render(PrintDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = new PdfDocument();
        var stamp = document.Stamp.UtcDateTime;
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "CounterApp";
        pdf.Info.CreationDate = stamp;
        pdf.Info.ModificationDate = stamp;
        pdf.Options.CompressContentStreams = true;

        var composer = new DocumentComposer(pdf, fonts);
        document.Compose(composer);
        if (pdf.PageCount == 0)
        {
            throw new InvalidOperationException($"{document.GetType().Name} produced no page.");
        }

        var pageCount = pdf.PageCount;
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return new RenderedDocument(DeterministicPdf.Fix(stream.ToArray()), pageCount, composer.Glyphs.Missing);
    }
}
