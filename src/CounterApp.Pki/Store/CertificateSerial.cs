using System.Globalization;
using System.Security.Cryptography;

namespace CounterApp.Pki.Store;

/// <summary>
/// A certificate serial number as RFC 5280 §4.1.2.2 wants it: a positive integer of at most 20 octets.
/// Kept in one canonical form (upper-case hex of the unsigned big-endian value, no leading zero octets), which is
/// also the form the domain's <c>Certificate.Serial</c> uses.
/// </summary>
public readonly record struct CertificateSerial
{
    /// <summary>RFC 5280's bound on the encoded serial.</summary>
    public const int MaxOctets = 20;

    /// <summary>The octets a new serial has: 16, with 126 bits from the CSPRNG (CA/B Forum asks for at least 64).</summary>
    public const int GeneratedOctets = 16;

    private readonly string? _hex;

    private CertificateSerial(string hex) => _hex = hex;

    /// <summary>Upper-case hex, no separators, no leading zero octets.</summary>
    public string Hex => _hex ?? throw new InvalidOperationException("An uninitialised CertificateSerial has no value.");

    /// <summary>
    /// A new random serial. The first octet is forced into 0x40–0x7F so the value is positive, never zero, and always
    /// exactly <see cref="GeneratedOctets"/> octets in DER. Uniqueness is the store's job (<see cref="ICertificateStore.TryAdd"/>).
    /// </summary>
    public static CertificateSerial NewRandom()
    {
        Span<byte> octets = stackalloc byte[GeneratedOctets];
        RandomNumberGenerator.Fill(octets);
        octets[0] = (byte)((octets[0] & 0x3F) | 0x40);
        return new CertificateSerial(Convert.ToHexString(octets));
    }

    /// <summary>Parses hex as printed or stored (case-insensitive; spaces and colons allowed between octets).</summary>
    /// <exception cref="FormatException">Not hex, zero, or longer than 20 octets.</exception>
    public static CertificateSerial Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(":", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 0 || digits.Length % 2 != 0 || !digits.All(char.IsAsciiHexDigit))
        {
            throw new FormatException($"'{hex}' is not a certificate serial number in hex.");
        }

        if (!TryFromUnsigned(Convert.FromHexString(digits), out var serial))
        {
            throw new FormatException($"'{hex}' is zero or longer than {MaxOctets} octets, which RFC 5280 does not allow.");
        }

        return serial;
    }

    /// <summary>From the content octets of a DER INTEGER (two's complement); false for zero, negative or over-long values.</summary>
    public static bool TryFromInteger(ReadOnlySpan<byte> twosComplement, out CertificateSerial serial)
    {
        serial = default;
        if (twosComplement.IsEmpty || (twosComplement[0] & 0x80) != 0)
        {
            return false;
        }

        return TryFromUnsigned(twosComplement, out serial);
    }

    /// <summary>The unsigned big-endian octets, as <c>CertificateRequest.Create</c> and the CRL builder take them.</summary>
    public byte[] ToByteArray() => Convert.FromHexString(Hex);

    public override string ToString() => Hex;

    private static bool TryFromUnsigned(ReadOnlySpan<byte> octets, out CertificateSerial serial)
    {
        serial = default;
        var significant = octets.TrimStart((byte)0);

        // A value needing a 0x00 sign octet in DER must still fit in 20 encoded octets.
        var encodedLength = significant.Length + (significant.Length > 0 && (significant[0] & 0x80) != 0 ? 1 : 0);
        if (significant.IsEmpty || encodedLength > MaxOctets)
        {
            return false;
        }

        serial = new CertificateSerial(Convert.ToHexString(significant).ToUpper(CultureInfo.InvariantCulture));
        return true;
    }
}
