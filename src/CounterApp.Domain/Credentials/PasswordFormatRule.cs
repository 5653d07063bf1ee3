using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Credentials;

/// <summary>
/// R-CE-05: the certificate password is 4–16 characters of A–Z and 0–9 (upper case). The message never
/// repeats the value (R-X-02); it names the rule only.
/// </summary>
public sealed class PasswordFormatRule(string? password, string field = "password") : BusinessRule("R-CE-05", field)
{
    public const int MinLength = 4;
    public const int MaxLength = 16;

    public static bool IsValid(ReadOnlySpan<char> password)
    {
        if (password.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        foreach (var c in password)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    public override bool IsBroken() => !IsValid(password);

    public override string Message => password is { Length: > 0 } p && p.Any(char.IsAsciiLetterLower) && IsValid(p.ToUpperInvariant())
        ? CredentialMessages.Catalog.Format("PasswordLowerCase")
        : CredentialMessages.Catalog.Format("PasswordFormat");
}
