using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Fonts;

namespace CounterApp.Web.Documents.Fonts;

/// <summary>
/// PDFsharp's font resolver is one static setting for the whole process, so there is one resolver that every
/// <see cref="DocumentFonts"/> registers its files with, each under a family name derived from its path. Two
/// configurations (two hosts in one test run) therefore never fight over the setting.
/// </summary>
internal sealed class DocumentFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();

    private readonly ConcurrentDictionary<string, FontFile> _faces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);

    private DocumentFontResolver()
    {
    }

    public static DocumentFontResolver Instance { get; } = new();

    /// <summary>Sets PDFsharp's AGPL license and installs this resolver, once per process.</summary>
    /// <exception cref="InvalidOperationException">Something else installed a different font resolver.</exception>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is not null)
            {
                throw new InvalidOperationException("Another PDFsharp font resolver is installed; CounterApp's documents need their own (DocumentFontResolver).");
            }

            // PDFsharp 6.5 requires the license choice before any use; CounterApp is AGPL-3.0-or-later for this reason.
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver = Instance;
        }
    }

    /// <summary>Registers a font file; returns the family name to ask PDFsharp for.</summary>
    public string Register(FontFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.ToString())))[..12];
        var family = "CounterApp-" + key;
        _faces.TryAdd(family, file);
        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        _faces.TryGetValue(familyName, out var file)
            ? new FontResolverInfo(familyName, isBold, isItalic)
            : null;

    public byte[]? GetFont(string faceName) =>
        _faces.TryGetValue(faceName, out var file)
            ? _bytes.GetOrAdd(faceName, _ => TrueTypeCollection.Face(File.ReadAllBytes(file.Path), file.CollectionIndex))
            : null;
}
