using System.Security.Cryptography;

namespace CounterApp.Card.Client;

/// <summary>
/// A PIN or password as the ASCII bytes the card compares, in a buffer the caller zeroes when done
/// (<see cref="Dispose"/>). The characters are never copied into a string.
/// </summary>
internal sealed class SecretBytes : IDisposable
{
    private SecretBytes(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    public static SecretBytes FromChars(ReadOnlySpan<char> chars, string what)
    {
        var bytes = new byte[chars.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] > 0x7E || chars[i] < 0x20)
            {
                CryptographicOperations.ZeroMemory(bytes);
                throw new ArgumentException($"The {what} may only contain printable ASCII characters.", what);
            }

            bytes[i] = (byte)chars[i];
        }

        return new SecretBytes(bytes);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(Bytes);
}
