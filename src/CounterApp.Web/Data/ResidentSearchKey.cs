using System.Text;

namespace CounterApp.Web.Data;

/// <summary>
/// The folded form residents are searched by: NFKC (full-width Latin and half-width kana become ordinary
/// characters), katakana as hiragana, lower case, and no spaces or middle dots. A clerk's query folded the
/// same way is found with a plain substring match on <c>residents.search_key</c>.
/// </summary>
public static class ResidentSearchKey
{
    /// <summary>The column's length; a longer key is cut (search still matches its start).</summary>
    public const int MaxLength = 400;

    /// <summary>Between the folded name and the folded kana, so a query never matches across the two.</summary>
    public const char Separator = '|';

    /// <summary>The key stored for a resident: folded name, separator, folded kana.</summary>
    public static string For(string familyName, string givenName, string familyNameKana, string givenNameKana)
    {
        var key = Fold(familyName + givenName) + Separator + Fold(familyNameKana + givenNameKana);
        if (key.Length <= MaxLength)
        {
            return key;
        }

        var cut = char.IsHighSurrogate(key[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return key[..cut];
    }

    /// <summary>Folds a name, a kana reading or a search query.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var folded = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || rune.Value is '・' or Separator)
            {
                continue;
            }

            folded.Append(Rune.ToLowerInvariant(ToHiragana(rune)));
        }

        return folded.ToString();
    }

    // ァ (U+30A1) … ヶ (U+30F6) and the iteration marks ヽヾ sit exactly 0x60 above their hiragana.
    private static Rune ToHiragana(Rune rune) =>
        rune.Value is (>= 0x30A1 and <= 0x30F6) or 0x30FD or 0x30FE ? new Rune(rune.Value - 0x60) : rune;
}
