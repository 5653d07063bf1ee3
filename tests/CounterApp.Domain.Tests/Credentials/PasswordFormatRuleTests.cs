using CounterApp.Domain.Credentials;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Credentials;

/// <summary>R-CE-05: the certificate password is 4–16 characters of A–Z and 0–9.</summary>
[Trait("Rule", "R-CE-05")]
public sealed class PasswordFormatRuleTests
{
    [Theory]
    [InlineData("QZ7X")]
    [InlineData("0000")]
    [InlineData("ZZZZ")]
    [InlineData("A1B2C3D4E5F6G7H8")]
    [InlineData("ABCDEFGHIJKLMNOP")]
    [InlineData("9999999999999999")]
    [InlineData("QRSTUVWXYZ012345")]
    public void IsBroken_WhenFourToSixteenCapitalsAndDigits_IsFalse(string password)
    {
        var rule = new PasswordFormatRule(password);

        Assert.False(rule.IsBroken());
        Assert.True(PasswordFormatRule.IsValid(password));
    }

    [Theory]
    [InlineData("QZ7", false)]
    [InlineData("QZ7X", true)]
    [InlineData("QZ7XQZ7XQZ7XQZ7X", true)]
    [InlineData("QZ7XQZ7XQZ7XQZ7XQ", false)]
    public void IsValid_WhenAtTheLengthBoundaries_Accepts4To16Only(string password, bool valid)
    {
        Assert.Equal(valid, PasswordFormatRule.IsValid(password));
        Assert.Equal(!valid, new PasswordFormatRule(password).IsBroken());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("qz7x")]
    [InlineData("Qz7X")]
    [InlineData("QZ7X-")]
    [InlineData("QZ 7X")]
    [InlineData("QZ7X!")]
    [InlineData("QZ_7X")]
    [InlineData("QZ7X\n")]
    [InlineData(" QZ7X")]
    [InlineData("ＱＺ７Ｘ")]
    [InlineData("ＱZ7X")]
    [InlineData("QZ７X")]
    [InlineData("ÄQZ7")]
    [InlineData("パスワード")]
    public void IsBroken_WhenNotOnlyAsciiCapitalsAndDigits_IsTrue(string? password)
    {
        Assert.True(new PasswordFormatRule(password).IsBroken());
    }

    [Fact]
    public void Rule_WhenCreated_NamesTheRuleAndTheField()
    {
        var rule = new PasswordFormatRule("x");

        Assert.Equal("R-CE-05", rule.RuleId);
        Assert.Equal("password", rule.Field);
        Assert.Equal("newPassword", new PasswordFormatRule("x", "newPassword").Field);
    }

    [Fact]
    public void Message_WhenTooShortInJapanese_StatesTheRule()
    {
        using var culture = new UiCultureScope("ja-JP");

        Assert.Equal("パスワードは英大文字（A～Z）と数字（0～9）で4文字以上16文字以内にしてください。", new PasswordFormatRule("QZ7").Message);
    }

    [Fact]
    public void Message_WhenLowerCaseInJapanese_SaysSo()
    {
        using var culture = new UiCultureScope("ja-JP");

        Assert.Equal(
            "パスワードに英小文字が含まれています。英大文字（A～Z）と数字（0～9）で4文字以上16文字以内にしてください。",
            new PasswordFormatRule("qz7x").Message);
    }

    [Fact]
    public void Message_WhenLowerCaseButAlsoTooShort_GivesTheGeneralRule()
    {
        using var culture = new UiCultureScope("en-US");

        Assert.Equal("The password must be 4 to 16 characters of capital letters (A–Z) and digits (0–9).", new PasswordFormatRule("qz7").Message);
    }

    [Fact]
    public void Message_WhenLowerCaseInEnglish_SaysSo()
    {
        using var culture = new UiCultureScope("en-US");

        Assert.Equal(
            "The password contains lower-case letters. Use 4 to 16 capital letters (A–Z) and digits (0–9).",
            new PasswordFormatRule("Qz7X").Message);
    }
}
