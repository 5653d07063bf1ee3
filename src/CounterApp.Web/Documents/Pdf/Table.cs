namespace CounterApp.Web.Documents.Pdf;

internal sealed record Column(string Title, double Width, TextAlign Align = TextAlign.Left);

/// <summary>A ruled table: a gray header row and body rows; cell text is centred vertically and shrunk to fit its width.</summary>
internal sealed class Table(double left, IReadOnlyList<Column> columns, TextStyle style)
{
    private const double Padding = 1.2;

    public double Left => left;

    public double Width { get; } = columns.Sum(c => c.Width);

    public TextStyle Style => style;

    public IReadOnlyList<Column> Columns => columns;

    public void Header(PdfCanvas canvas, double y, double height)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        canvas.Fill(left, y, Width, height, 0.88);
        var x = left;
        foreach (var column in columns)
        {
            canvas.Text(x + (column.Width / 2), Middle(y, height, style), column.Title, style with { Bold = true }, TextAlign.Center, column.Width - (2 * Padding));
            x += column.Width;
        }

        Rules(canvas, y, height, 0.6);
    }

    public void Row(PdfCanvas canvas, double y, double height, IReadOnlyList<string> cells, bool bold = false, double? shade = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(cells);
        if (shade is { } gray)
        {
            canvas.Fill(left, y, Width, height, gray);
        }

        var x = left;
        var cellStyle = style with { Bold = bold };
        for (var i = 0; i < columns.Count; i++)
        {
            Cell(canvas, x, Middle(y, height, cellStyle), columns[i], i < cells.Count ? cells[i] : string.Empty, cellStyle);
            x += columns[i].Width;
        }

        Rules(canvas, y, height, 0.3);
    }

    /// <summary>A row whose cells may hold several lines (a long reason); the row is as tall as its tallest cell.</summary>
    public void WrappedRow(PdfCanvas canvas, double y, IReadOnlyList<IReadOnlyList<string>> cellLines, double lineHeight, double height)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(cellLines);
        var x = left;
        for (var i = 0; i < columns.Count; i++)
        {
            var lines = i < cellLines.Count ? cellLines[i] : [];
            var top = y + ((height - (lines.Count * lineHeight)) / 2);
            for (var l = 0; l < lines.Count; l++)
            {
                Cell(canvas, x, Middle(top + (l * lineHeight), lineHeight, style), columns[i], lines[l], style);
            }

            x += columns[i].Width;
        }

        Rules(canvas, y, height, 0.3);
    }

    /// <summary>The lines a cell's text wraps to in column <paramref name="index"/>.</summary>
    public IReadOnlyList<string> Wrap(PdfCanvas measure, int index, string text)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.Wrap(text, columns[index].Width - (2 * Padding), style);
    }

    // Text top for a line box centred in a row (PDFsharp's top is the font's ascent line).
    private static double Middle(double y, double height, TextStyle style) => y + ((height - (style.Size * 25.4 / 72 * 1.05)) / 2);

    private static void Cell(PdfCanvas canvas, double x, double top, Column column, string text, TextStyle style)
    {
        var anchor = column.Align switch
        {
            TextAlign.Right => x + column.Width - Padding,
            TextAlign.Center => x + (column.Width / 2),
            _ => x + Padding,
        };
        canvas.Text(anchor, top, text, style, column.Align, column.Width - (2 * Padding));
    }

    private void Rules(PdfCanvas canvas, double y, double height, double weight)
    {
        canvas.Box(left, y, Width, height, weight);
        var x = left;
        foreach (var column in columns.Take(columns.Count - 1))
        {
            x += column.Width;
            canvas.Line(x, y, x, y + height, 0.3);
        }
    }
}
