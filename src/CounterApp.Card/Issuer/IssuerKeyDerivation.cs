using System.Security.Cryptography;
using System.Text;
using CounterApp.Card.Profile;

namespace CounterApp.Card.Issuer;

/// <summary>
/// The per-card issuer key: HKDF-SHA256 over the master secret that only the server holds, with the card serial
/// in the info, giving an AES-256 key. The card stores only its own key, so one card's key says nothing
/// about another's and the master secret never leaves the server.
/// </summary>
public static class IssuerKeyDerivation
{
    public const int KeyLength = 32;
    public const int MinMasterSecretLength = 32;
    private const string Purpose = "CounterApp resident card issuer key v1 ";

    public static byte[] DeriveCardKey(ReadOnlySpan<byte> masterSecret, string serial)
    {
        if (masterSecret.Length < MinMasterSecretLength)
        {
            throw new ArgumentException($"The issuer master secret has at least {MinMasterSecretLength} bytes.", nameof(masterSecret));
        }

        if (!TokenInfo.IsValidSerial(serial))
        {
            throw new ArgumentException("A card serial is 16 upper-case hexadecimal characters.", nameof(serial));
        }

        var info = Encoding.ASCII.GetBytes(Purpose + serial);
        var key = new byte[KeyLength];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterSecret, key, salt: [], info);
        return key;
    }
}
