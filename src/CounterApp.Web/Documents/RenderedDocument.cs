using System.Security.Cryptography;

namespace CounterApp.Web.Documents;

/// <summary>
/// A printed document: the PDF bytes (the same data always gives the same bytes), its page count, and every character
/// its font could not print. Those are printed as 〓 and listed here, never dropped silently; a caller that must not
/// print with gaps calls <see cref="ThrowIfIncomplete"/>.
/// </summary>
public sealed class RenderedDocument
{
    private readonly byte[] _pdf;

    internal RenderedDocument(byte[] pdf, int pageCount, IReadOnlyList<MissingCharacter> missingCharacters)
    {
        _pdf = pdf;
        PageCount = pageCount;
        MissingCharacters = missingCharacters;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
    }

    public ReadOnlyMemory<byte> Pdf => _pdf;

    public int PageCount { get; }

    public IReadOnlyList<MissingCharacter> MissingCharacters { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Pdf"/>.</summary>
    public string Sha256 { get; }

    public bool IsComplete => MissingCharacters.Count == 0;

    /// <summary>A copy of the bytes (to store or send).</summary>
    public byte[] ToArray() => (byte[])_pdf.Clone();

    /// <exception cref="MissingGlyphsException">Some characters were printed as 〓.</exception>
    public RenderedDocument ThrowIfIncomplete() => IsComplete ? this : throw new MissingGlyphsException(MissingCharacters);
}
