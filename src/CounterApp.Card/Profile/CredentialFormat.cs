namespace CounterApp.Card.Profile;

/// <summary>What the card accepts as reference data, checked on the card as well as at the counter.</summary>
public static class CredentialFormat
{
    /// <summary>The signing password: 4–16 characters, each A–Z or 0–9 (ASCII on the card).</summary>
    public static bool IsValidPassword(ReadOnlySpan<byte> ascii) =>
        ascii.Length is >= 4 and <= 16 && AllOf(ascii, static b => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9'));

    /// <summary>The card PIN: exactly four digits.</summary>
    public static bool IsValidCardPin(ReadOnlySpan<byte> ascii) =>
        ascii.Length == 4 && AllOf(ascii, static b => b is >= (byte)'0' and <= (byte)'9');

    public static bool IsValid(ushort credentialEf, ReadOnlySpan<byte> ascii) => credentialEf switch
    {
        ResidentCardProfile.PasswordEf => IsValidPassword(ascii),
        ResidentCardProfile.CardPinEf => IsValidCardPin(ascii),
        _ => false,
    };

    private static bool AllOf(ReadOnlySpan<byte> bytes, Func<byte, bool> predicate)
    {
        foreach (var b in bytes)
        {
            if (!predicate(b))
            {
                return false;
            }
        }

        return true;
    }
}
