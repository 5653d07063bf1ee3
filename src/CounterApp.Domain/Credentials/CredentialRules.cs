using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Credentials;

/// <summary>R-CE-05 checks for the resident-facing entry view: every problem at once, never the values.</summary>
public static class CredentialRules
{
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
