using CounterApp.Card.Apdu;

namespace CounterApp.Card.Profile;

/// <summary>The command APDUs of the profile, one method each, as the README's table lists them.</summary>
public static class ResidentCardCommands
{
    private const byte Iso = 0x00;
    private const byte Proprietary = 0x80;

    public static CommandApdu SelectApplication() =>
        new(Iso, Ins.Select, 0x04, 0x0C, ResidentCardProfile.Aid);

    public static CommandApdu SelectEf(ushort fileId) =>
        new(Iso, Ins.Select, 0x02, 0x0C, new[] { (byte)(fileId >> 8), (byte)fileId });

    public static CommandApdu ReadBinary(int offset, int ne)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, 0x7FFF);
        return new CommandApdu(Iso, Ins.ReadBinary, (byte)(offset >> 8), (byte)offset, default, ne);
    }

    /// <summary>Writes a whole EF: the data replaces its content (the channel chains it in 255-byte pieces).</summary>
    public static CommandApdu UpdateBinary(ReadOnlyMemory<byte> content) =>
        new(Iso, Ins.UpdateBinary, 0, 0, content);

    /// <summary>VERIFY with no data: asks the selected PIN EF for its tries left (answered 63 Cx).</summary>
    public static CommandApdu VerifyStatus() =>
        new(Iso, Ins.Verify, 0x00, ResidentCardProfile.CurrentReference);

    public static CommandApdu Verify(ReadOnlyMemory<byte> secret) =>
        new(Iso, Ins.Verify, 0x00, ResidentCardProfile.CurrentReference, secret);

    /// <summary>CHANGE REFERENCE DATA with P1 = 01: only the new value, after the old one was verified (R-CA-02).</summary>
    public static CommandApdu ChangeReferenceData(ReadOnlyMemory<byte> newSecret) =>
        new(Iso, Ins.ChangeReferenceData, 0x01, ResidentCardProfile.CurrentReference, newSecret);

    /// <summary>RESET RETRY COUNTER with P1 = 02: new reference data and a full counter (issuer only).</summary>
    public static CommandApdu ResetRetryCounter(ReadOnlyMemory<byte> newSecret) =>
        new(Iso, Ins.ResetRetryCounter, 0x02, ResidentCardProfile.CurrentReference, newSecret);

    /// <summary>COMPUTE DIGITAL SIGNATURE over a DigestInfo; the card adds the PKCS#1 v1.5 padding.</summary>
    public static CommandApdu ComputeDigitalSignature(ReadOnlyMemory<byte> digestInfo) =>
        new(Proprietary, Ins.PerformSecurityOperation, 0x00, 0x80, digestInfo, CommandApdu.MaxShortNe);

    public static CommandApdu GetChallenge() =>
        new(Iso, Ins.GetChallenge, 0, 0, default, ResidentCardProfile.ChallengeLength);

    public static CommandApdu ExternalAuthenticate(ReadOnlyMemory<byte> cryptogram) =>
        new(Iso, Ins.ExternalAuthenticate, 0, 0, cryptogram);

    /// <summary>GENERATE KEY PAIR on the selected key EF; answers the public key template 7F49.</summary>
    public static CommandApdu GenerateKeyPair() =>
        new(Iso, Ins.GenerateKeyPair, 0x80, 0x00, default, CommandApdu.MaxExtendedNe);

    /// <summary>Reads the public key of the selected key EF without generating (P1 = 81).</summary>
    public static CommandApdu ReadPublicKey() =>
        new(Iso, Ins.GenerateKeyPair, 0x81, 0x00, default, CommandApdu.MaxExtendedNe);
}
