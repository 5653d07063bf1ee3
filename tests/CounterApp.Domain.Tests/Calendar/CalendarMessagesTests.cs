using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CounterApp.Domain.Calendar;

namespace CounterApp.Domain.Tests.Calendar;

[Trait("Rule", "R-HR-03")]
[Trait("Rule", "R-X-03")]
public sealed partial class CalendarMessagesTests
{
    [Fact]
    public void EnglishResource_WhenEveryJapaneseKey_HasItWithTheSamePlaceholders()
    {
        var catalog = CalendarMessages.Catalog;
        var japanese = new ResourceManager(typeof(CalendarMessages)).GetResourceSet(CultureInfo.InvariantCulture, true, true)!;

        var keys = catalog.Keys();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            var english = catalog.EnglishOrNull(key);
            Assert.True(english is not null, $"'{key}' has no English text.");
            Assert.Equal(Placeholders(japanese.GetString(key)!), Placeholders(english!));
        });
    }

    [Fact]
    public void EnglishResource_WhenAnyKey_AlsoExistsInJapanese()
    {
        var english = new ResourceManager(typeof(CalendarMessages)).GetResourceSet(CultureInfo.GetCultureInfo("en"), true, false)!;
        var keys = english.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key);

        Assert.Equal(CalendarMessages.Catalog.Keys(), keys.Order(StringComparer.Ordinal));
    }

    private static List<string> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
