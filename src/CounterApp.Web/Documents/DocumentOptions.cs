namespace CounterApp.Web.Documents;

/// <summary>
/// Configuration section <c>Documents</c>: where the Japanese fonts for the PDFs are. A configured path wins over the
/// operating system search (IPAex on Debian, Yu Gothic / MS Gothic on Windows); an index picks a face in a .ttc.
/// </summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>A Gothic (sans-serif) TrueType font: headings, tables, forms.</summary>
    public string? GothicFontPath { get; set; }

    public int GothicFontIndex { get; set; }

    /// <summary>A Mincho (serif) TrueType font: the body of letters. Falls back to the Gothic font when none is found.</summary>
    public string? MinchoFontPath { get; set; }

    public int MinchoFontIndex { get; set; }
}
