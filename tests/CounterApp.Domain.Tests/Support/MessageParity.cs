using System.Text.RegularExpressions;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Tests.Support;

/// <summary>R-X-03: every Japanese message has an English twin with the same placeholders, and both read as text.</summary>
internal static partial class MessageParity
{
    public static void AssertEnglishMatchesJapanese(MessageCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var keys = catalog.Keys();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            string japanese;
            using (new UiCultureScope(""))
            {
                japanese = catalog.Format(key);
            }

            var english = catalog.EnglishOrNull(key);
            Assert.False(string.IsNullOrWhiteSpace(english), $"No English text for '{key}'.");
            Assert.Matches(JapaneseScript(), japanese);
            Assert.Equal(Placeholders(japanese), Placeholders(english!));
        }
    }

    private static List<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex JapaneseScript();
}
