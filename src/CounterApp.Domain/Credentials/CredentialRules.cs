using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Credentials;

/// <summary>
/// R-CE-05 / R-CA-03: the one place PIN and password formats are checked, every problem at once, never the values.
/// The span overloads check secrets where they live (char arrays the caller zeroes), so no string copy is ever made;
/// the string overloads serve the resident-facing entry view.
/// </summary>
public static class CredentialRules
{
    /// <summary>At issuance: the card PIN the resident enters and the password they choose, typed twice.</summary>
    public static IReadOnlyList<BrokenRule> ForIssuance(ReadOnlySpan<char> cardPin, ReadOnlySpan<char> password, ReadOnlySpan<char> confirmation)
    {
        var broken = new List<BrokenRule>();
        if (!CardPinFormatRule.IsValid(cardPin))
        {
            broken.Add(Broken(new CardPinFormatRule(null)));
        }

        broken.AddRange(NewPassword(password, confirmation, "password"));
        return broken;
    }

    /// <summary>A new certificate password typed twice (unlock, change: R-CA-01/02).</summary>
    public static IReadOnlyList<BrokenRule> NewPassword(ReadOnlySpan<char> password, ReadOnlySpan<char> confirmation, string field)
    {
        var broken = new List<BrokenRule>();
        if (!PasswordFormatRule.IsValid(password))
        {
            broken.Add(Broken(new PasswordFormatRule(null, field)));
        }

        if (!Same(password, confirmation))
        {
            broken.Add(Broken(new ConfirmationMatchesRule(null, "-", field)));
        }

        return broken;
    }

    /// <summary>A new card PIN typed twice (R-CA-03 reset).</summary>
    public static IReadOnlyList<BrokenRule> NewCardPin(ReadOnlySpan<char> pin, ReadOnlySpan<char> confirmation, string field)
    {
        var broken = new List<BrokenRule>();
        if (!CardPinFormatRule.IsValid(pin))
        {
            broken.Add(Broken(new CardPinFormatRule(null, field)));
        }

        if (!Same(pin, confirmation))
        {
            broken.Add(Broken(new ConfirmationMatchesRule(null, "-", field)));
        }

        return broken;
    }

    /// <summary>The current password, before the card is asked (R-CA-02); null when its format is right.</summary>
    public static BrokenRule? CurrentPassword(ReadOnlySpan<char> password, string field) =>
        PasswordFormatRule.IsValid(password) ? null : Broken(new PasswordFormatRule(null, field));

    private static bool Same(ReadOnlySpan<char> value, ReadOnlySpan<char> confirmation) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(value), MemoryMarshal.AsBytes(confirmation));

    private static BrokenRule Broken(IBusinessRule rule) => new(rule.RuleId, rule.Field, rule.Message);

    /// <summary>A new certificate password typed twice.</summary>
    public static Decision NewPassword(string? password, string? confirmation) =>
        Decision.Check([new PasswordFormatRule(password), new ConfirmationMatchesRule(password, confirmation, "password")]);

    /// <summary>A new card PIN typed twice (R-CA-03 reset).</summary>
    public static Decision NewCardPin(string? pin, string? confirmation) =>
        Decision.Check([new CardPinFormatRule(pin), new ConfirmationMatchesRule(pin, confirmation, "cardPin")]);

    /// <summary>At issuance: the card PIN the resident enters and the password they choose (typed twice).</summary>
    public static Decision ForIssuance(string? cardPin, string? password, string? confirmation) =>
        Decision.Check(
        [
            new CardPinFormatRule(cardPin),
            new PasswordFormatRule(password),
            new ConfirmationMatchesRule(password, confirmation, "password"),
        ]);
}
