using System.Globalization;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Features.RegisterSync;

namespace CounterApp.Web.Tests.Features.RegisterSync;

public sealed partial class ResidentSearchKeyTests
{
    [Theory]
    [InlineData("ヤマダ　タロウ", "やまだたろう")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "やまだたろう")]
    [InlineData("ＳＭＩＴＨ　Ｊｏｈｎ", "smithjohn")]
    [InlineData("ジョン・スミス", "じょんすみす")]
    [InlineData("ヴァイオリン", "ゔぁいおりん")]
    [InlineData("ヶ丘", "ゖ丘")]
    [InlineData("  上市 太郎 ", "上市太郎")]
    [InlineData(null, "")]
    public void Fold_WhenWidthKanaCaseOrSpacesDiffer_GivesOneForm(string? text, string expected) =>
        Assert.Equal(expected, ResidentSearchKey.Fold(text));

    [Fact]
    public void For_WhenResident_JoinsFoldedNameAndKanaSoAQueryMatchesEither()
    {
        var key = ResidentSearchKey.For("上市", "太郎", "カミイチ", "タロウ");

        Assert.Equal("上市太郎|かみいちたろう", key);
        Assert.Contains(ResidentSearchKey.Fold("ｶﾐｲﾁ"), key, StringComparison.Ordinal);
        Assert.Contains(ResidentSearchKey.Fold("上市　太郎"), key, StringComparison.Ordinal);
        Assert.DoesNotContain(ResidentSearchKey.Fold("太郎|かみ"), key, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenVeryLong_CutsToTheColumnWithoutSplittingACharacter()
    {
        // "a" then 250 surrogate pairs: the 400th character is the first half of a pair.
        var key = ResidentSearchKey.For("a" + string.Concat(Enumerable.Repeat("𠮷", 250)), "太郎", "ア", "タロウ");

        Assert.Equal(ResidentSearchKey.MaxLength - 1, key.Length);
        Assert.False(char.IsHighSurrogate(key[^1]));
    }

    [Theory]
    [InlineData("16322800101", true)]
    [InlineData("1632280010", false)]
    [InlineData("163228001011", false)]
    [InlineData("1632280010A", false)]
    [InlineData("１６３２２８００１０１", false)]
    public void ResidentCode_WhenNotElevenHalfWidthDigits_IsRefused(string code, bool expected) =>
        Assert.Equal(expected, ResidentCode.IsWellFormed(code));

    [Fact]
    public void Messages_EveryJapaneseKeyHasAnEnglishTextWithTheSamePlaceholders()
    {
        var keys = RegisterSyncMessages.Keys();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var japanese = RegisterSyncMessages.TextOrNull(key, CultureInfo.InvariantCulture)!;
            var english = RegisterSyncMessages.TextOrNull(key, CultureInfo.GetCultureInfo("en"));
            Assert.True(english is not null, $"RegisterSyncMessages.en.resx lacks {key}.");
            Assert.Equal(Placeholders(japanese), Placeholders(english));
        }
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
