using System.Globalization;

namespace CounterApp.Web.Documents;

/// <summary>A character the font has no glyph for: printed as 〓 (the customary mark for a missing character) and reported.</summary>
/// <param name="Character">The character itself (one or two UTF-16 units).</param>
/// <param name="CodePoint">Its Unicode code point.</param>
/// <param name="Text">The text it was in, so the clerk can find it (e.g. the resident's name).</param>
public sealed record MissingCharacter(string Character, int CodePoint, string Text)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"U+{CodePoint:X4} 「{Character}」 in 「{Text}」");
}

/// <summary>Thrown by <see cref="RenderedDocument.ThrowIfIncomplete"/> when a document needed characters its font lacks.</summary>
public sealed class MissingGlyphsException : Exception
{
    public MissingGlyphsException()
        : this([])
    {
    }

    public MissingGlyphsException(string message)
        : base(message)
    {
        Missing = [];
    }

    public MissingGlyphsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Missing = [];
    }

    public MissingGlyphsException(IReadOnlyList<MissingCharacter> missing)
        : base("The font has no glyph for: " + string.Join(", ", missing ?? []))
    {
        Missing = missing ?? [];
    }

    public IReadOnlyList<MissingCharacter> Missing { get; }
}
