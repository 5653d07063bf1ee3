using CounterApp.Web.Documents.Fonts;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CounterApp.Web.Documents.Pdf;

/// <summary>Adds A4 pages to the PDF being built and hands out fonts; shared by every page of one document.</summary>
internal sealed class DocumentComposer(PdfDocument pdf, DocumentFonts fonts)
{
    private readonly Dictionary<TextStyle, XFont> _fonts = [];

    public GlyphCheck Glyphs { get; } = new();

    public int PageCount => pdf.PageCount;

    /// <summary>A new A4 portrait page; dispose the canvas before adding the next one.</summary>
    public PdfCanvas AddPage()
    {
        var page = pdf.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        return new PdfCanvas(XGraphics.FromPdfPage(page), this);
    }

    /// <summary>A canvas with no page, for measuring text while laying out (before the page it lands on exists).</summary>
    public PdfCanvas MeasuringCanvas() =>
        new(XGraphics.CreateMeasureContext(new XSize(595.28, 841.89), XGraphicsUnit.Point, XPageDirection.Downwards), this);

    public DocumentFont FaceOf(FontFace face) => face == FontFace.Mincho ? fonts.Mincho : fonts.Gothic;

    public XFont Font(TextStyle style)
    {
        if (!_fonts.TryGetValue(style, out var font))
        {
            font = new XFont(FaceOf(style.Face).FamilyName, style.Size, style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            _fonts[style] = font;
        }

        return font;
    }
}
