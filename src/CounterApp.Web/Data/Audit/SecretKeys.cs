using System.Text;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// R-X-02: PINs and passwords never reach the audit log. A detail key that names one (pin, cardPin, new_password,
/// PINコード, 暗証番号, パスワード, ﾊﾟｽﾜｰﾄﾞ …) is refused with an exception, so the mistake shows in the first test run
/// instead of in the log. Only keys are checked: values are the caller's responsibility, and a refused key is never
/// echoed with its value.
/// </summary>
public static class SecretKeys
{
    // Whole words of a key (split at case changes, digits, scripts and punctuation), compared ignoring case.
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "pin", "pins", "pincode", "password", "passwords", "passwd", "pwd", "passcode", "passphrase",
    };

    // Anywhere in a key (after NFKC, which folds half-width katakana and full-width Latin, and upper-casing).
    private static readonly string[] Fragments = ["PASSWORD", "PASSWD", "PASSCODE", "PINCODE", "PINNUMBER", "暗証", "パスワード", "ぱすわーど"];

    /// <summary>True when the key names a PIN or password.</summary>
    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var folded = key.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        if (Fragments.Any(f => folded.Contains(f, StringComparison.Ordinal)))
        {
            return true;
        }

        // "newpin", "PIN1", "cardPin", "pin_code": a key that starts or ends with PIN, or has it as a word.
        var letters = new string([.. folded.Where(char.IsAsciiLetter)]);
        return letters.StartsWith("PIN", StringComparison.Ordinal)
            || letters.EndsWith("PIN", StringComparison.Ordinal)
            || WordsOf(key.Normalize(NormalizationForm.FormKC)).Any(Words.Contains);
    }

    /// <summary>Throws when any key names a PIN or password.</summary>
    public static void EnsureNone(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            if (IsSecret(key))
            {
                throw new ArgumentException($"Audit details must never carry a PIN or password (R-X-02); the key \"{key}\" is refused.", nameof(keys));
            }
        }
    }

    // Words split at punctuation, case changes (cardPin, PINNumber), letter/digit changes and Latin/Japanese changes.
    private static List<string> WordsOf(string key)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= key.Length; i++)
        {
            var end = i == key.Length || !char.IsLetterOrDigit(key[i]) || (start >= 0 && Boundary(key, i));
            if (end && start >= 0)
            {
                words.Add(key[start..i]);
                start = -1;
            }

            if (i < key.Length && char.IsLetterOrDigit(key[i]) && start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    private static bool Boundary(string key, int i)
    {
        char previous = key[i - 1], c = key[i];
        return (char.IsLower(previous) && char.IsUpper(c))
            || (char.IsUpper(previous) && char.IsUpper(c) && i + 1 < key.Length && char.IsLower(key[i + 1]))
            || (char.IsDigit(previous) != char.IsDigit(c))
            || (char.IsAscii(previous) != char.IsAscii(c));
    }
}
