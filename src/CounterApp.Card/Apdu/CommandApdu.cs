namespace CounterApp.Card.Apdu;

/// <summary>
/// A command APDU (ISO 7816-4 §5.1): header, data field of Nc bytes, and Ne, the number of response bytes
/// expected (0 = none; up to 256 in short form, 65 536 in extended form). It encodes in short form when it
/// fits and in extended form otherwise; <see cref="Parse"/> reads all seven cases (1, 2S/E, 3S/E, 4S/E).
/// </summary>
public sealed class CommandApdu
{
    public const int MaxShortNc = 255;
    public const int MaxShortNe = 256;
    public const int MaxExtendedNc = 65_535;
    public const int MaxExtendedNe = 65_536;

    /// <summary>CLA bit 5 (0x10): more commands of this chain follow (ISO 7816-4 §5.4.1).</summary>
    public const byte ChainingBit = 0x10;

    public CommandApdu(byte cla, byte ins, byte p1, byte p2, ReadOnlyMemory<byte> data = default, int ne = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, MaxExtendedNc);
        ArgumentOutOfRangeException.ThrowIfNegative(ne);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ne, MaxExtendedNe);
        Cla = cla;
        Ins = ins;
        P1 = p1;
        P2 = p2;
        Data = data;
        Ne = ne;
    }

    public byte Cla { get; }

    public byte Ins { get; }

    public byte P1 { get; }

    public byte P2 { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public int Ne { get; }

    /// <summary>P1 P2 read as one big-endian number (an offset for READ/UPDATE BINARY).</summary>
    public int P1P2 => (P1 << 8) | P2;

    public bool IsChained => (Cla & ChainingBit) != 0;

    /// <summary>True when this command needs the extended length form.</summary>
    public bool NeedsExtendedLength => Data.Length > MaxShortNc || Ne > MaxShortNe;

    public CommandApdu WithCla(byte cla) => new(cla, Ins, P1, P2, Data, Ne);

    public CommandApdu WithNe(int ne) => new(Cla, Ins, P1, P2, Data, ne);

    public CommandApdu WithData(ReadOnlyMemory<byte> data) => new(Cla, Ins, P1, P2, data, Ne);

    /// <summary>Encodes in short form when it fits, otherwise (or when <paramref name="extended"/>) in extended form.</summary>
    public byte[] Encode(bool extended = false)
    {
        extended |= NeedsExtendedLength;
        var nc = Data.Length;
        var lcLength = nc == 0 ? 0 : extended ? 3 : 1;
        var leLength = Ne == 0 ? 0 : !extended ? 1 : nc == 0 ? 3 : 2;
        var bytes = new byte[4 + lcLength + nc + leLength];
        bytes[0] = Cla;
        bytes[1] = Ins;
        bytes[2] = P1;
        bytes[3] = P2;
        var at = 4;
        if (nc > 0)
        {
            if (extended)
            {
                bytes[at++] = 0;
                bytes[at++] = (byte)(nc >> 8);
            }

            bytes[at++] = (byte)nc;
            Data.Span.CopyTo(bytes.AsSpan(at));
            at += nc;
        }

        if (Ne > 0)
        {
            if (!extended)
            {
                bytes[at] = (byte)Ne; // 256 encodes as 00
            }
            else
            {
                if (nc == 0)
                {
                    bytes[at++] = 0;
                }

                var le = Ne == MaxExtendedNe ? 0 : Ne;
                bytes[at++] = (byte)(le >> 8);
                bytes[at] = (byte)le;
            }
        }

        return bytes;
    }

    /// <summary>Reads a command APDU. The data field is a slice of <paramref name="apdu"/>, not a copy.</summary>
    /// <exception cref="ApduFormatException">The length fields do not match the number of bytes.</exception>
    public static CommandApdu Parse(ReadOnlyMemory<byte> apdu)
    {
        var s = apdu.Span;
        if (s.Length < 4)
        {
            throw new ApduFormatException($"A command APDU has at least 4 header bytes; got {s.Length}.");
        }

        if (s.Length == 4)
        {
            return new CommandApdu(s[0], s[1], s[2], s[3]);
        }

        if (s.Length == 5)
        {
            return new CommandApdu(s[0], s[1], s[2], s[3], default, s[4] == 0 ? MaxShortNe : s[4]);
        }

        return s[4] != 0 ? ParseShort(apdu) : ParseExtended(apdu);
    }

    private static CommandApdu ParseShort(ReadOnlyMemory<byte> apdu)
    {
        var s = apdu.Span;
        var nc = s[4];
        if (s.Length == 5 + nc)
        {
            return new CommandApdu(s[0], s[1], s[2], s[3], apdu.Slice(5, nc));
        }

        if (s.Length == 6 + nc)
        {
            var le = s[^1];
            return new CommandApdu(s[0], s[1], s[2], s[3], apdu.Slice(5, nc), le == 0 ? MaxShortNe : le);
        }

        throw new ApduFormatException($"Lc is {nc} but the APDU has {s.Length - 5} bytes after the header and Lc.");
    }

    private static CommandApdu ParseExtended(ReadOnlyMemory<byte> apdu)
    {
        var s = apdu.Span;
        if (s.Length < 7)
        {
            throw new ApduFormatException("An extended length field needs three bytes.");
        }

        var field = (s[5] << 8) | s[6];
        if (s.Length == 7)
        {
            return new CommandApdu(s[0], s[1], s[2], s[3], default, field == 0 ? MaxExtendedNe : field);
        }

        if (field == 0)
        {
            throw new ApduFormatException("An extended Lc of zero is not allowed.");
        }

        if (s.Length == 7 + field)
        {
            return new CommandApdu(s[0], s[1], s[2], s[3], apdu.Slice(7, field));
        }

        if (s.Length == 9 + field)
        {
            var le = (s[^2] << 8) | s[^1];
            return new CommandApdu(s[0], s[1], s[2], s[3], apdu.Slice(7, field), le == 0 ? MaxExtendedNe : le);
        }

        throw new ApduFormatException($"Extended Lc is {field} but the APDU has {s.Length - 7} bytes after it.");
    }

    public override string ToString() =>
        $"{Cla:X2} {Ins:X2} {P1:X2} {P2:X2} Nc={Data.Length} Ne={Ne}";
}
