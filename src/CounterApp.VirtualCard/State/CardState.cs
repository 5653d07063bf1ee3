using System.Security.Cryptography;
using CounterApp.Card.Profile;

namespace CounterApp.VirtualCard.State;

/// <summary>
/// Everything the card remembers between power cycles: its serial and issuer key, the credentials, the
/// signing key pair (PKCS#8, which only the card's own commands use) and the certificates.
/// </summary>
internal sealed class CardState
{
    public required string Serial { get; set; }

    public required byte[] IssuerKey { get; set; }

    public required StoredCredential CardPin { get; set; }

    /// <summary>Null until the issuer sets the first password at issuance.</summary>
    public StoredCredential? Password { get; set; }

    public byte[]? SigningKeyPkcs8 { get; set; }

    public byte[]? SigningCertificate { get; set; }

    public byte[]? CaCertificate { get; set; }

    public static CardState CreateNew(string serial, byte[] issuerKey, ReadOnlySpan<byte> cardPin)
    {
        if (!TokenInfo.IsValidSerial(serial))
        {
            throw new ArgumentException("A card serial is 16 upper-case hexadecimal characters.", nameof(serial));
        }

        if (!CredentialFormat.IsValidCardPin(cardPin))
        {
            throw new ArgumentException("The card PIN is four digits.", nameof(cardPin));
        }

        return new CardState
        {
            Serial = serial,
            IssuerKey = issuerKey,
            CardPin = StoredCredential.Create(cardPin, ResidentCardProfile.CardPinMaxTries),
        };
    }

    public static string NewSerial() => Convert.ToHexString(RandomNumberGenerator.GetBytes(TokenInfo.SerialLength / 2));
}
