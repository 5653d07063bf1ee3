using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CounterApp.Domain.Credentials;
using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.CardServices;

/// <summary>
/// R-CE-05 / R-CA-03 on the char arrays themselves, so no string copy of a secret is ever made; each broken rule names
/// the field, never the value (R-X-02).
/// </summary>
internal static class SecretRules
{
    public static List<BrokenRule> NewPassword(char[] password, char[] confirmation, string field = "newPassword")
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

    public static List<BrokenRule> NewCardPin(char[] pin, char[] confirmation, string field = "newCardPin")
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

    public static BrokenRule? CurrentPassword(char[] password, string field = "currentPassword") =>
        PasswordFormatRule.IsValid(password) ? null : Broken(new PasswordFormatRule(null, field));

    private static bool Same(char[] value, char[] confirmation) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(value.AsSpan()), MemoryMarshal.AsBytes(confirmation.AsSpan()));

    private static BrokenRule Broken(IBusinessRule rule) => new(rule.RuleId, rule.Field, rule.Message);
}
