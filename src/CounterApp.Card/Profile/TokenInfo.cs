using System.Text;

namespace CounterApp.Card.Profile;

/// <summary>
/// EF 0006: a 16-byte ASCII label followed by the card's unique serial, 16 upper-case hexadecimal characters.
/// The serial also names the card's issuer key (<see cref="Issuer.IssuerKeyDerivation"/>).
/// </summary>
public static class TokenInfo
{
    public const string Label = "CounterApp RC v1";
    public const int SerialLength = 16;
    public const int Length = 32;

    public static bool IsValidSerial(string serial) =>
        serial is { Length: SerialLength } && serial.All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F');

    public static byte[] Encode(string serial)
    {
        if (!IsValidSerial(serial))
        {
            throw new ArgumentException("A card serial is 16 upper-case hexadecimal characters.", nameof(serial));
        }

        return Encoding.ASCII.GetBytes(Label + serial);
    }

    /// <exception cref="InvalidDataException">Not this profile's token info.</exception>
    public static string DecodeSerial(ReadOnlySpan<byte> content)
    {
        var text = Encoding.ASCII.GetString(content);
        if (content.Length != Length || !text.StartsWith(Label, StringComparison.Ordinal) || !IsValidSerial(text[Label.Length..]))
        {
            throw new InvalidDataException("EF 0006 does not hold this profile's token info.");
        }

        return text[Label.Length..];
    }
}
