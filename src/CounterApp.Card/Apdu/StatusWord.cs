namespace CounterApp.Card.Apdu;

/// <summary>An ISO 7816-4 status word (SW1 SW2) with the values the resident-card profile uses.</summary>
public readonly record struct StatusWord(ushort Value)
{
    public static readonly StatusWord Success = new(0x9000);
    /// <summary>63 00: authentication failed with no counter (a wrong issuer cryptogram).</summary>
    public static readonly StatusWord AuthenticationFailed = new(0x6300);
    public static readonly StatusWord WrongLength = new(0x6700);
    public static readonly StatusWord LastCommandOfChainExpected = new(0x6883);
    public static readonly StatusWord IncompatibleFileStructure = new(0x6981);
    public static readonly StatusWord SecurityStatusNotSatisfied = new(0x6982);
    public static readonly StatusWord AuthenticationMethodBlocked = new(0x6983);
    public static readonly StatusWord ReferenceDataNotUsable = new(0x6984);
    public static readonly StatusWord ConditionsNotSatisfied = new(0x6985);
    public static readonly StatusWord NoCurrentEf = new(0x6986);
    public static readonly StatusWord IncorrectData = new(0x6A80);
    public static readonly StatusWord FunctionNotSupported = new(0x6A81);
    public static readonly StatusWord FileNotFound = new(0x6A82);
    public static readonly StatusWord NotEnoughMemory = new(0x6A84);
    public static readonly StatusWord IncorrectP1P2 = new(0x6A86);
    public static readonly StatusWord ReferencedDataNotFound = new(0x6A88);
    public static readonly StatusWord WrongOffset = new(0x6B00);
    public static readonly StatusWord InstructionNotSupported = new(0x6D00);
    public static readonly StatusWord ClassNotSupported = new(0x6E00);
    public static readonly StatusWord NoPreciseDiagnosis = new(0x6F00);

    public StatusWord(byte sw1, byte sw2)
        : this((ushort)((sw1 << 8) | sw2))
    {
    }

    public byte Sw1 => (byte)(Value >> 8);

    public byte Sw2 => (byte)Value;

    public bool IsSuccess => Value == 0x9000;

    /// <summary>For 63 Cx (verification failed or status asked), the tries left; otherwise null.</summary>
    public int? TriesLeft => (Value & 0xFFF0) == 0x63C0 ? Value & 0x0F : null;

    /// <summary>For 61 xx, the number of bytes GET RESPONSE can fetch (00 means 256); otherwise null.</summary>
    public int? BytesAvailable => Sw1 == 0x61 ? (Sw2 == 0 ? 256 : Sw2) : null;

    /// <summary>For 6C xx, the exact Le the card asks for (00 means 256); otherwise null.</summary>
    public int? ExactLength => Sw1 == 0x6C ? (Sw2 == 0 ? 256 : Sw2) : null;

    /// <summary>63 Cx: a credential check failed (or was only asked) and x tries are left (0–15).</summary>
    public static StatusWord WithTriesLeft(int tries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tries, 15);
        return new((ushort)(0x63C0 | tries));
    }

    /// <summary>61 xx: more response bytes wait for GET RESPONSE (xx = 00 when 256 or more).</summary>
    public static StatusWord WithBytesAvailable(int count) =>
        new((ushort)(0x6100 | (count >= 256 ? 0 : count)));

    public override string ToString() => Value.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
