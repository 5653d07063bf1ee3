using System.Text.RegularExpressions;

namespace CounterApp.Pki.Custody;

/// <summary>Key ids become file names (and HSM labels): lower-case letters, digits, '-' and '.', so no path can escape.</summary>
internal static partial class KeyIds
{
    public static void Validate(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        if (!Pattern().IsMatch(keyId))
        {
            throw new ArgumentException($"Key id '{keyId}' must be 1–100 of a–z, 0–9, '-', '.', starting with a letter or digit.", nameof(keyId));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
