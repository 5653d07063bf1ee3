namespace CounterApp.Card.Tests.Support;

internal static class Hex
{
    /// <summary>"00 A4 04 0C" → bytes; spaces are ignored.</summary>
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
