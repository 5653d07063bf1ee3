using System.Security.Cryptography;
using CounterApp.Card.Profile;

namespace CounterApp.Card.Issuer;

/// <summary>
/// EXTERNAL AUTHENTICATE's cryptogram: the card's fresh 16-byte challenge encrypted as one AES block under the
/// per-card issuer key. The card compares in constant time and forgets the challenge after one attempt.
/// </summary>
public static class IssuerCryptogram
{
    public static byte[] Compute(ReadOnlySpan<byte> cardKey, ReadOnlySpan<byte> challenge)
    {
        if (challenge.Length != ResidentCardProfile.ChallengeLength)
        {
            throw new ArgumentException($"The challenge is {ResidentCardProfile.ChallengeLength} bytes.", nameof(challenge));
        }

        using var aes = Aes.Create();
        aes.SetKey(cardKey);
        return aes.EncryptEcb(challenge, PaddingMode.None);
    }

    public static bool Verify(ReadOnlySpan<byte> cardKey, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> cryptogram)
    {
        var expected = Compute(cardKey, challenge);
        try
        {
            return cryptogram.Length == expected.Length && CryptographicOperations.FixedTimeEquals(expected, cryptogram);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expected);
        }
    }
}
