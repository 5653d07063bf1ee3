using CounterApp.Domain.Credentials;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Credentials;

/// <summary>R-CE-05 / R-CA-03: the card PIN (暗証番号) is exactly four ASCII digits.</summary>
[Trait("Rule", "R-CE-05")]
public sealed class CardPinFormatRuleTests
{
    [Theory]
    [InlineData("0000")]
    [InlineData("9876")]
    [InlineData("1234")]
    public void IsBroken_WhenFourAsciiDigits_IsFalse(string pin)
    {
        Assert.False(new CardPinFormatRule(pin).IsBroken());
        Assert.True(CardPinFormatRule.IsValid(pin));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("987")]
    [InlineData("98765")]
    [InlineData("98a6")]
    [InlineData("98 6")]
    [InlineData(" 9876")]
    [InlineData("9876 ")]
    [InlineData("-987")]
    [InlineData("９８７６")]
    [InlineData("98７6")]
    [InlineData("٩٨٧٦")]
    [InlineData("ABCD")]
    public void IsBroken_WhenNotExactlyFourAsciiDigits_IsTrue(string? pin)
    {
        Assert.True(new CardPinFormatRule(pin).IsBroken());
    }

    [Fact]
    public void Rule_WhenCreated_NamesTheRuleAndTheField()
    {
        var rule = new CardPinFormatRule("1");

        Assert.Equal("R-CE-05", rule.RuleId);
        Assert.Equal("cardPin", rule.Field);
        Assert.Equal(4, CardPinFormatRule.Length);
    }

    [Fact]
    public void Message_WhenJapanese_StatesTheRule()
    {
        using var culture = new UiCultureScope("ja-JP");

        Assert.Equal("暗証番号は数字4桁にしてください。", new CardPinFormatRule("98a6").Message);
    }

    [Fact]
    public void Message_WhenEnglish_StatesTheRule()
    {
        using var culture = new UiCultureScope("en-US");

        Assert.Equal("The card PIN must be 4 digits.", new CardPinFormatRule("98a6").Message);
    }
}
