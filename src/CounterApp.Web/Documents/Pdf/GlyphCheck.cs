using System.Text;
using CounterApp.Web.Documents.Fonts;

namespace CounterApp.Web.Documents.Pdf;

/// <summary>Replaces characters a font lacks with 〓 before drawing, and remembers each one with the text it was in.</summary>
internal sealed class GlyphCheck
{
    private const char Geta = '〓';

    private readonly List<MissingCharacter> _missing = [];
    private readonly HashSet<(int, string)> _seen = [];

    public IReadOnlyList<MissingCharacter> Missing => _missing;

    public string Prepare(string text, DocumentFont font, bool record = true)
    {
        var clean = true;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Printable(rune, font))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Printable(rune, font))
            {
                result.Append(rune.ToString());
            }
            else if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune))
            {
                result.Append(' ');
            }
            else
            {
                if (record && _seen.Add((rune.Value, text)))
                {
                    _missing.Add(new MissingCharacter(rune.ToString(), rune.Value, text));
                }

                result.Append(font.Characters.Covers(Geta) ? Geta : '?');
            }
        }

        return result.ToString();
    }

    private static bool Printable(Rune rune, DocumentFont font) =>
        !Rune.IsControl(rune) && font.Characters.Covers(rune);
}
