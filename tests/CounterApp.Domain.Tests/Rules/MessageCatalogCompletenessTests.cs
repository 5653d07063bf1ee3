using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Rules;

/// <summary>
/// R-X-03 over the whole Domain assembly: every message catalog (an internal static class named "…Messages" with a
/// static <c>Catalog</c>) has, for every Japanese key, an English text with the same placeholders; the Japanese text
/// is Japanese and the English text is not.
/// </summary>
[Trait("Rule", "R-X-03")]
public sealed partial class MessageCatalogCompletenessTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static TheoryData<string> Catalogs()
    {
        var data = new TheoryData<string>();
        foreach (var type in CatalogTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void Catalogs_WhenFoundByReflection_IncludeEveryKnownCatalog()
    {
        var names = CatalogTypes().Select(t => t.Name).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "CalendarMessages", "CardServiceMessages", "CredentialMessages", "DocumentMessages", "EligibilityMessages",
                "PeriodMessages", "ProxyMessages", "RevocationMessages", "VisitMessages",
            },
            names);
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void EveryJapaneseKey_WhenLookedUpInEnglish_HasTextWithTheSamePlaceholders(string catalogType)
    {
        var catalog = CatalogOf(catalogType);
        var keys = catalog.Keys();
        Assert.NotEmpty(keys);
        var problems = new List<string>();

        foreach (var key in keys)
        {
            var japanese = JapaneseTemplate(catalog, key);
            var english = catalog.EnglishOrNull(key);
            if (string.IsNullOrWhiteSpace(english))
            {
                problems.Add($"{key}: no English text.");
                continue;
            }

            if (!Placeholders(japanese).SequenceEqual(Placeholders(english)))
            {
                problems.Add($"{key}: placeholders differ: ja [{string.Join(",", Placeholders(japanese))}] en [{string.Join(",", Placeholders(english))}].");
            }

            foreach (var (language, template) in new[] { ("ja", japanese), ("en", english) })
            {
                if (!Formats(template))
                {
                    problems.Add($"{key} ({language}): not a valid format string: {template}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{catalogType}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void EveryJapaneseText_WhenItHasWords_IsWrittenInJapanese(string catalogType)
    {
        var catalog = CatalogOf(catalogType);
        var problems = new List<string>();

        foreach (var key in catalog.Keys())
        {
            var text = Placeholder().Replace(JapaneseTemplate(catalog, key), string.Empty);

            // A pure layout template such as "{0} {1}" has no words to translate; anything with letters must be Japanese.
            if (Letter().IsMatch(text) && !JapaneseScript().IsMatch(text))
            {
                problems.Add($"{key}: no Japanese characters in \"{text}\".");
            }
        }

        Assert.True(problems.Count == 0, $"{catalogType}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void EveryEnglishText_WhenRead_IsNotJapaneseAndHasAJapaneseKey(string catalogType)
    {
        var type = typeof(Decision).Assembly.GetType(catalogType, throwOnError: true)!;
        var catalog = CatalogOf(catalogType);
        var japaneseKeys = catalog.Keys().ToHashSet(StringComparer.Ordinal);
        var englishSet = new ResourceManager(type.FullName!, type.Assembly).GetResourceSet(English, createIfNotExists: true, tryParents: false);
        Assert.NotNull(englishSet);
        var problems = new List<string>();

        foreach (DictionaryEntry entry in englishSet)
        {
            var key = (string)entry.Key;
            if (!japaneseKeys.Contains(key))
            {
                problems.Add($"{key}: English only, no Japanese text.");
            }

            if (JapaneseScript().IsMatch((string)entry.Value!))
            {
                problems.Add($"{key}: Japanese characters in the English text \"{entry.Value}\".");
            }
        }

        Assert.True(problems.Count == 0, $"{catalogType}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void Format_WhenTheKeyIsUnknown_Throws()
    {
        var catalog = CatalogOf(CatalogTypes().First().FullName!);

        Assert.Throws<MissingManifestResourceException>(() => catalog.Format("NoSuchKey"));
    }

    private static IEnumerable<Type> CatalogTypes() =>
        typeof(Decision).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: true, IsSealed: true, IsNotPublic: true })
            .Where(t => t.Name.EndsWith("Messages", StringComparison.Ordinal))
            .Where(t => t.GetProperty("Catalog", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.PropertyType == typeof(MessageCatalog))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static MessageCatalog CatalogOf(string catalogType)
    {
        var type = typeof(Decision).Assembly.GetType(catalogType, throwOnError: true)!;
        var property = type.GetProperty("Catalog", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        return (MessageCatalog)property.GetValue(null)!;
    }

    /// <summary>The neutral (Japanese) template: Format without arguments returns it unformatted.</summary>
    private static string JapaneseTemplate(MessageCatalog catalog, string key)
    {
        using var culture = new UiCultureScope("");
        return catalog.Format(key);
    }

    private static List<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    private static bool Formats(string template)
    {
        var count = Placeholders(template).Select(int.Parse).DefaultIfEmpty(-1).Max() + 1;
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, template, Enumerable.Repeat<object?>("x", count).ToArray());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex JapaneseScript();

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex Letter();
}
