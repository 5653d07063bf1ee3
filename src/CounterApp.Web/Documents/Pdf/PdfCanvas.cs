using System.Text;
using PdfSharp.Drawing;

namespace CounterApp.Web.Documents.Pdf;

/// <summary>
/// Drawing on one A4 page in millimetres from the top-left corner. Every text goes through the glyph check first,
/// and text that does not fit its width is set smaller, never cut.
/// </summary>
internal sealed class PdfCanvas(XGraphics graphics, DocumentComposer composer) : IDisposable
{
    public const double PageWidth = 210;
    public const double PageHeight = 297;

    // Japanese line breaking (kinsoku): these never start a line.
    private const string NoLineStart = "、。，．・：；？！）」』】〕’”ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.:;!?)]}%";

    private static readonly XStringFormat TopLeft = XStringFormats.TopLeft;

    public void Dispose() => graphics.Dispose();

    public static double Pt(double mm) => mm * 72 / 25.4;

    /// <summary>Width of the text in millimetres.</summary>
    public double Measure(string text, TextStyle style) =>
        MeasurePrepared(composer.Glyphs.Prepare(text, composer.FaceOf(style.Face)), style);

    /// <summary>One line of text whose top is at <paramref name="y"/>; shrunk to <paramref name="maxWidth"/> when given.</summary>
    public void Text(double x, double y, string text, TextStyle style, TextAlign align = TextAlign.Left, double maxWidth = 0) =>
        Draw(x, y, composer.Glyphs.Prepare(text, composer.FaceOf(style.Face)), style, align, maxWidth);

    /// <summary>Text wrapped to <paramref name="width"/>; returns the height used in millimetres.</summary>
    public double Paragraph(double x, double y, double width, string text, TextStyle style, double? lineHeight = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var step = lineHeight ?? style.LineHeight;
        var lines = Wrap(composer.Glyphs.Prepare(text, composer.FaceOf(style.Face)), width, style);
        for (var i = 0; i < lines.Count; i++)
        {
            Draw(x, y + (i * step), lines[i], style, TextAlign.Left, 0);
        }

        return lines.Count * step;
    }

    private void Draw(double x, double y, string prepared, TextStyle style, TextAlign align, double maxWidth)
    {
        var width = MeasurePrepared(prepared, style);
        if (maxWidth > 0 && width > maxWidth)
        {
            var size = Math.Floor(style.Size * maxWidth / width * 10) / 10;
            var top = y + ((style.Size - size) * 25.4 / 72 * 0.8);
            style = style with { Size = size };
            width = MeasurePrepared(prepared, style);
            y = top;
        }

        var left = align switch
        {
            TextAlign.Center => x - (width / 2),
            TextAlign.Right => x - width,
            _ => x,
        };
        graphics.DrawString(prepared, composer.Font(style), XBrushes.Black, Pt(left), Pt(y), TopLeft);
    }

    /// <summary>The lines <see cref="Paragraph"/> would print (newlines in the text are kept).</summary>
    public IReadOnlyList<string> Wrap(string text, double width, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            WrapOne(paragraph, width, style, lines);
        }

        return lines;
    }

    public void Line(double x1, double y1, double x2, double y2, double weight = 0.5, bool dashed = false) =>
        graphics.DrawLine(Pen(weight, dashed), Pt(x1), Pt(y1), Pt(x2), Pt(y2));

    public void Box(double x, double y, double width, double height, double weight = 0.5, bool dashed = false) =>
        graphics.DrawRectangle(Pen(weight, dashed), Pt(x), Pt(y), Pt(width), Pt(height));

    /// <summary>A filled rectangle; gray 0 is black, 1 is white.</summary>
    public void Fill(double x, double y, double width, double height, double gray = 0.9) =>
        graphics.DrawRectangle(new XSolidBrush(XColor.FromGrayScale(gray)), Pt(x), Pt(y), Pt(width), Pt(height));

    public void Circle(double x, double y, double diameter, double weight = 0.5, bool dashed = false) =>
        graphics.DrawEllipse(Pen(weight, dashed), Pt(x), Pt(y), Pt(diameter), Pt(diameter));

    /// <summary>A QR code as vector squares (crisp on any printer), its quiet zone included, <paramref name="size"/> mm wide.</summary>
    public void QrCode(double x, double y, double size, QrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var module = size / matrix.Size;
        for (var row = 0; row < matrix.Size; row++)
        {
            var col = 0;
            while (col < matrix.Size)
            {
                if (!matrix[row, col])
                {
                    col++;
                    continue;
                }

                var start = col;
                while (col < matrix.Size && matrix[row, col])
                {
                    col++;
                }

                // Runs of dark modules as one rectangle: no hairline seams between neighbours.
                graphics.DrawRectangle(XBrushes.Black, Pt(x + (start * module)), Pt(y + (row * module)), Pt((col - start) * module), Pt(module) + 0.01);
            }
        }
    }

    private static XPen Pen(double weight, bool dashed) =>
        new(XColors.Black, weight) { DashStyle = dashed ? XDashStyle.Dash : XDashStyle.Solid };

    private double MeasureQuiet(string text, TextStyle style) =>
        MeasurePrepared(composer.Glyphs.Prepare(text, composer.FaceOf(style.Face), record: false), style);

    private double MeasurePrepared(string prepared, TextStyle style) =>
        prepared.Length == 0 ? 0 : graphics.MeasureString(prepared, composer.Font(style)).Width * 25.4 / 72;

    private void WrapOne(string text, double width, TextStyle style, List<string> lines)
    {
        var line = new StringBuilder();
        foreach (var element in TextElements(text))
        {
            if (line.Length > 0 && !NoLineStart.Contains(element, StringComparison.Ordinal) && MeasureQuiet(line + element, style) > width)
            {
                var (keep, carry) = element.Length == 1 && char.IsAsciiLetterOrDigit(element[0])
                    ? SplitAtWord(line.ToString())
                    : (line.ToString(), string.Empty);
                lines.Add(keep.TrimEnd());
                line.Clear().Append(carry);
            }

            line.Append(element);
        }

        lines.Add(line.ToString());
    }

    // A Latin word (a URL, a serial) moves to the next line whole rather than being split, unless it is the whole line.
    private static (string Keep, string Carry) SplitAtWord(string line)
    {
        var i = line.Length;
        while (i > 0 && char.IsAsciiLetterOrDigit(line[i - 1]))
        {
            i--;
        }

        return i == 0 || i == line.Length ? (line, string.Empty) : (line[..i], line[i..]);
    }

    private static List<string> TextElements(string text)
    {
        var result = new List<string>();
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            result.Add(e.GetTextElement());
        }

        return result;
    }
}
