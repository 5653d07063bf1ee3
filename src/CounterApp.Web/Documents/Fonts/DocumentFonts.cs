using System.Collections.Concurrent;

namespace CounterApp.Web.Documents.Fonts;

/// <summary>The Gothic and Mincho faces the documents print with, and which characters each has.</summary>
public sealed class DocumentFonts
{
    private static readonly ConcurrentDictionary<FontFile, DocumentFont> Loaded = new();

    private DocumentFonts(DocumentFont gothic, DocumentFont mincho)
    {
        Gothic = gothic;
        Mincho = mincho;
    }

    public DocumentFont Gothic { get; }

    public DocumentFont Mincho { get; }

    /// <summary>Locates, reads and registers the fonts (see <see cref="FontLocator"/>).</summary>
    /// <exception cref="FontNotFoundException">No usable font.</exception>
    public static DocumentFonts Load(DocumentOptions options)
    {
        var located = FontLocator.Locate(options);
        return new DocumentFonts(Open(located.Gothic), Open(located.Mincho));
    }

    private static DocumentFont Open(FontFile file)
    {
        DocumentFontResolver.EnsureInstalled();
        return Loaded.GetOrAdd(file, f =>
        {
            try
            {
                return new DocumentFont(DocumentFontResolver.Instance.Register(f), f, FontCharacterMap.Read(f));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new FontNotFoundException($"The font {f} cannot be used for the PDF documents: {e.Message}", e);
            }
        });
    }
}

/// <summary>One registered face: the family name PDFsharp knows it by, its file, and its character map.</summary>
public sealed record DocumentFont(string FamilyName, FontFile File, FontCharacterMap Characters);
