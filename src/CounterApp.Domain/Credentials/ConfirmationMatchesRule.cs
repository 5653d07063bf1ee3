using System.Security.Cryptography;
using System.Text;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Credentials;

/// <summary>R-CE-05: a new password or PIN is typed twice; the two must match (compared in constant time, never shown).</summary>
public sealed class ConfirmationMatchesRule(string? value, string? confirmation, string field) : BusinessRule("R-CE-05", field + "Confirmation")
{
    public override bool IsBroken() => !CryptographicOperations.FixedTimeEquals(
        Encoding.UTF8.GetBytes(value ?? string.Empty),
        Encoding.UTF8.GetBytes(confirmation ?? string.Empty));

    public override string Message => CredentialMessages.Catalog.Format("ConfirmationMismatch");
}
