namespace CounterApp.Card.Profile;

/// <summary>
/// The resident card's signing application, compatible with the public JPKI application so that residents'
/// client software (OpenSC's <c>jpki</c> driver among others) can use what the counter wrote.
/// The APDU table is in this project's README.
/// </summary>
public static class ResidentCardProfile
{
    /// <summary>The JPKI application identifier.</summary>
    public static ReadOnlyMemory<byte> Aid { get; } = new byte[] { 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01 };

    /// <summary>
    /// The answer to reset of JPKI cards: direct convention, T=1 only, IFSC 254, no historical bytes. OpenSC's
    /// <c>jpki</c> driver recognises the card by exactly these bytes.
    /// </summary>
    public static ReadOnlyMemory<byte> Atr { get; } = new byte[] { 0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14 };

    public const ushort MasterFile = 0x3F00;

    /// <summary>Signing certificate; readable only after the signing password is verified.</summary>
    public const ushort SigningCertificateEf = 0x0001;

    /// <summary>The issuing CA's certificate; readable by anyone.</summary>
    public const ushort CaCertificateEf = 0x0002;

    /// <summary>Token information: a fixed label and the card's unique serial.</summary>
    public const ushort TokenInfoEf = 0x0006;

    /// <summary>The card PIN (暗証番号): 4 digits, its own retry counter.</summary>
    public const ushort CardPinEf = 0x0018;

    /// <summary>The signing key (RSA-2048); it can be generated and used, never read.</summary>
    public const ushort SigningKeyEf = 0x001A;

    /// <summary>The signing password (パスワード): 4–16 of A–Z and 0–9, five tries (R-CA-01).</summary>
    public const ushort PasswordEf = 0x001B;

    public const int PasswordMaxTries = 5;

    /// <summary>The card PIN allows three tries, as the JPKI user-authentication PIN does.</summary>
    public const int CardPinMaxTries = 3;

    public const int KeySizeBits = 2048;

    /// <summary>Largest certificate an EF holds.</summary>
    public const int MaxCertificateBytes = 8192;

    /// <summary>GET CHALLENGE length and EXTERNAL AUTHENTICATE cryptogram length (one AES block).</summary>
    public const int ChallengeLength = 16;

    /// <summary>P2 of VERIFY, CHANGE REFERENCE DATA and RESET RETRY COUNTER: the currently selected PIN EF.</summary>
    public const byte CurrentReference = 0x80;
}
