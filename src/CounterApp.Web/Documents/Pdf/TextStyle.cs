namespace CounterApp.Web.Documents.Pdf;

internal enum FontFace
{
    Gothic,
    Mincho,
}

internal enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A face, a size in points, and whether PDFsharp simulates bold (the IPAex fonts have no bold face).</summary>
internal readonly record struct TextStyle(FontFace Face, double Size, bool Bold = false)
{
    public static TextStyle Gothic(double size, bool bold = false) => new(FontFace.Gothic, size, bold);

    public static TextStyle Mincho(double size, bool bold = false) => new(FontFace.Mincho, size, bold);

    /// <summary>A comfortable line height in millimetres for this size.</summary>
    public double LineHeight => Size * 25.4 / 72 * 1.45;
}
