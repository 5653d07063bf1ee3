using CounterApp.Domain.Credentials;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Credentials;

/// <summary>R-CE-05 entry checks: typed twice, every problem reported at once, and never the value typed (R-X-02).</summary>
[Trait("Rule", "R-CE-05")]
public sealed class CredentialRulesTests
{
    [Fact]
    public void NewPassword_WhenValidAndConfirmed_IsAllowed()
    {
        Assert.True(CredentialRules.NewPassword("QZ7X2024", "QZ7X2024").IsAllowed);
    }

    [Theory]
    [InlineData("QZ7X2024", "QZ7X2025")]
    [InlineData("QZ7X2024", "qz7x2024")]
    [InlineData("QZ7X2024", "QZ7X202")]
    [InlineData("QZ7X2024", "")]
    [InlineData("QZ7X2024", null)]
    public void NewPassword_WhenConfirmationDiffers_RefusesOnTheConfirmationField(string password, string? confirmation)
    {
        var decision = CredentialRules.NewPassword(password, confirmation);

        var broken = Assert.Single(decision.BrokenRules);
        Assert.Equal("R-CE-05", broken.RuleId);
        Assert.Equal("passwordConfirmation", broken.Field);
    }

    [Fact]
    public void NewPassword_WhenBadAndUnconfirmed_ReportsBothAtOnce()
    {
        var decision = CredentialRules.NewPassword("qz7", "QZ7");

        Assert.Equal(["password", "passwordConfirmation"], decision.BrokenRules.Select(b => b.Field));
    }

    [Fact]
    public void NewCardPin_WhenValidAndConfirmed_IsAllowed()
    {
        Assert.True(CredentialRules.NewCardPin("9876", "9876").IsAllowed);
    }

    [Fact]
    public void NewCardPin_WhenConfirmationDiffers_RefusesOnTheConfirmationField()
    {
        var broken = Assert.Single(CredentialRules.NewCardPin("9876", "9867").BrokenRules);

        Assert.Equal("cardPinConfirmation", broken.Field);
    }

    [Fact]
    public void NewCardPin_WhenFullWidthDigitsConfirmed_StillRefusesTheFormat()
    {
        var broken = Assert.Single(CredentialRules.NewCardPin("９８７６", "９８７６").BrokenRules);

        Assert.Equal("cardPin", broken.Field);
    }

    [Fact]
    public void ForIssuance_WhenPinPasswordAndConfirmationAreAllWrong_ReportsEveryProblem()
    {
        var decision = CredentialRules.ForIssuance("98a", "qz7", "QZ8");

        Assert.False(decision.IsAllowed);
        Assert.Equal(["cardPin", "password", "passwordConfirmation"], decision.BrokenRules.Select(b => b.Field));
        Assert.All(decision.BrokenRules, b => Assert.Equal("R-CE-05", b.RuleId));
    }

    [Fact]
    public void ForIssuance_WhenAllGood_IsAllowed()
    {
        Assert.True(CredentialRules.ForIssuance("9876", "QZ7X2024", "QZ7X2024").IsAllowed);
    }

    [Fact]
    public void ConfirmationMismatch_WhenJapaneseAndEnglish_SaysToTypeItAgain()
    {
        using (new UiCultureScope("ja-JP"))
        {
            Assert.Equal("確認のために入力した値が一致しません。もう一度入力してください。", new ConfirmationMatchesRule("A", "B", "password").Message);
        }

        using (new UiCultureScope("en-US"))
        {
            Assert.Equal("The confirmation does not match. Type it again.", new ConfirmationMatchesRule("A", "B", "password").Message);
        }
    }

    /// <summary>Values chosen so that no message could contain them by coincidence (no "4", "16", "A–Z"…).</summary>
    public static TheoryData<string, string, string> BadEntries => new()
    {
        { "987", "QZX", "QZX" },
        { "98765", "qzxw", "qzxw" },
        { "98a6", "QZXW-QZXW", "QZXW-QZXX" },
        { "９８７６", "ＱＺＸＷ", "ＱＺＸＷ" },
        { "9876", "QZXWQZXWQZXWQZXWQ", "QZXWQZXWQZXWQZXWQ" },
        { "9876", "QZXW7", "QZXW8" },
        { "٩٨٧٦", "パスワードＸ", "パスワードＹ" },
        { "98 6", "Qzxw7", "qzxw7" },
        { "5309", "HUNTER22", "HUNTER2" },
    };

    [Theory]
    [Trait("Rule", "R-X-02")]
    [MemberData(nameof(BadEntries))]
    public void Messages_WhenAnythingIsWrong_NeverContainTheValueTyped(string pin, string password, string confirmation)
    {
        foreach (var culture in new[] { "ja-JP", "en-US", "" })
        {
            using var scope = new UiCultureScope(culture);
            var decisions = new[]
            {
                CredentialRules.ForIssuance(pin, password, confirmation),
                CredentialRules.NewPassword(password, confirmation),
                CredentialRules.NewCardPin(pin, confirmation),
            };

            var broken = decisions.SelectMany(d => d.BrokenRules).ToList();
            Assert.NotEmpty(broken);
            foreach (var b in broken)
            {
                foreach (var secret in new[] { pin, password, confirmation, password.ToUpperInvariant(), confirmation.ToUpperInvariant() })
                {
                    Assert.DoesNotContain(secret, b.Message, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(secret, b.Field, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(secret, b.ToString(), StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public void Decision_WhenRefused_DoesNotCarryTheValueAnywhere()
    {
        var decision = CredentialRules.ForIssuance("5309", "qzxwvut", "QZXWVUT");

        Assert.DoesNotContain("5309", decision.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("qzxwvut", decision.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(decision.BrokenRules, b => Assert.DoesNotContain("QZXWVUT", b.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Messages_WhenJapanese_AreJapanese()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = CredentialRules.ForIssuance("98a", "qz7", "QZ8");

        Assert.All(decision.BrokenRules, b => Assert.Contains(b.Message, c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff'));
    }
}
