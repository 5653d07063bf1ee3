using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Credentials;

/// <summary>R-CE-05 / R-CA-03: the card PIN (暗証番号) is exactly 4 digits 0–9. The value is never repeated (R-X-02).</summary>
public sealed class CardPinFormatRule(string? pin, string field = "cardPin") : BusinessRule("R-CE-05", field)
{
    public const int Length = 4;

    public static bool IsValid(ReadOnlySpan<char> pin)
    {
        if (pin.Length != Length)
        {
            return false;
        }

        foreach (var c in pin)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public override bool IsBroken() => !IsValid(pin);

    public override string Message => CredentialMessages.Catalog.Format("CardPinFormat");
}
