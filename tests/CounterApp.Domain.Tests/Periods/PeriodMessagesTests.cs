using System.Text.RegularExpressions;
using CounterApp.Domain.Periods;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Periods;

[Trait("Rule", "R-X-03")]
public sealed partial class PeriodMessagesTests
{
    [Fact]
    public void Keys_WhenJapaneseHasAKey_EnglishHasItWithTheSamePlaceholders()
    {
        var catalog = PeriodMessages.Catalog;
        var keys = catalog.Keys();

        Assert.Equal(["RenewalAfterExpiry", "RenewalNotYetOpen", "ValidityCappedByCard"], keys);
        foreach (var key in keys)
        {
            var english = catalog.EnglishOrNull(key);
            Assert.False(string.IsNullOrWhiteSpace(english), $"No English text for '{key}'.");
            using var culture = new UiCultureScope("");
            Assert.Equal(Placeholders(catalog.Format(key)), Placeholders(english!));
        }
    }

    private static List<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
