namespace CounterApp.Card.Profile;

/// <summary>Instruction bytes of the profile (ISO 7816-4 and -8 numbering).</summary>
public static class Ins
{
    public const byte Select = 0xA4;
    public const byte ReadBinary = 0xB0;
    public const byte UpdateBinary = 0xD6;
    public const byte Verify = 0x20;
    public const byte ChangeReferenceData = 0x24;
    public const byte ResetRetryCounter = 0x2C;
    public const byte PerformSecurityOperation = 0x2A;
    public const byte GenerateKeyPair = 0x47;
    public const byte GetChallenge = 0x84;
    public const byte ExternalAuthenticate = 0x82;
    public const byte GetResponse = 0xC0;
}
