namespace CounterApp.Web.Documents.Pdf;

/// <summary>What every document carries (R-X-04): the municipality's name, the title, and the date in era form.</summary>
internal static class Heading
{
    public const double Left = 15;
    public const double Right = 195;

    /// <summary>Municipality at the left, date at the right, the title centred below; returns the y under the title.</summary>
    public static double Draw(PdfCanvas canvas, double y, string municipality, string title, string date, double titleSize = 18)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        canvas.Text(Left, y, municipality, TextStyle.Gothic(10.5));
        canvas.Text(Right, y, date, TextStyle.Gothic(10), TextAlign.Right);
        canvas.Text(PdfCanvas.PageWidth / 2, y + 8, title, TextStyle.Gothic(titleSize, bold: true), TextAlign.Center, Right - Left);
        return y + 8 + (titleSize * 25.4 / 72 * 1.4);
    }
}
