using System.Text.RegularExpressions;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Tests.Support;

/// <summary>Assertions on decisions and rule messages (R-X-03: a broken rule names its rule and field, in clear Japanese).</summary>
internal static partial class Expect
{
    /// <summary>The decision breaks exactly one rule with this ID and field; returns it for message checks.</summary>
    public static BrokenRule Broken(Decision decision, string ruleId, string field)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var matches = decision.BrokenRules.Where(b => b.RuleId == ruleId && b.Field == field).ToList();
        Assert.True(
            matches.Count == 1,
            $"Expected one broken {ruleId} on '{field}'; got: {Describe(decision)}");
        return matches[0];
    }

    /// <summary>The decision breaks exactly these rules (by ID and field), in any order.</summary>
    public static void BrokenExactly(Decision decision, params (string RuleId, string Field)[] expected)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var actual = decision.BrokenRules.Select(b => (b.RuleId, b.Field)).Order().ToList();
        Assert.Equal(expected.Order().ToList(), actual);
    }

    /// <summary>A clear Japanese message: mostly Japanese script, no unfilled placeholder, no English words.</summary>
    public static void Japanese(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), "The message is empty.");
        Assert.Matches(JapaneseScript(), message);
        Assert.DoesNotMatch(Placeholder(), message);
        Assert.DoesNotMatch(EnglishWord(), message);
    }

    /// <summary>An English message: Latin words, no Japanese script except proper names passed in as data.</summary>
    public static void English(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), "The message is empty.");
        Assert.Matches(EnglishWord(), message);
        Assert.DoesNotMatch(Placeholder(), message);
    }

    private static string Describe(Decision decision) =>
        decision.BrokenRules.Count == 0
            ? "(allowed)"
            : string.Join("; ", decision.BrokenRules.Select(b => $"{b.RuleId} {b.Field}: {b.Message}"));

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]{2,}")]
    private static partial Regex JapaneseScript();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b(?:the|is|not|and|of|on|must|cannot)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();
}
