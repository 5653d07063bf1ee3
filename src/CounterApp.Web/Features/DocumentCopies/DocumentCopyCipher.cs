using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>
/// AES-256-GCM with a fresh 96-bit nonce per copy and a 128-bit tag. The associated data binds the ciphertext to its
/// copy (presented document, content type, plaintext hash), so bytes moved from one row to another fail to open.
/// </summary>
internal static class DocumentCopyCipher
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static (byte[] Nonce, byte[] Ciphertext, byte[] Tag) Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, byte[] associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
        return (nonce, ciphertext, tag);
    }

    /// <summary>The plaintext, or null when the ciphertext, nonce, tag or associated data was altered.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> key, byte[] nonce, byte[] ciphertext, byte[] tag, byte[] associatedData)
    {
        if (nonce.Length != NonceSize || tag.Length != TagSize)
        {
            return null;
        }

        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return null;
        }
    }

    public static byte[] AssociatedData(long presentedDocumentId, string contentType, string sha256) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"CounterApp.DocumentCopy.v1\n{presentedDocumentId}\n{contentType}\n{sha256}"));
}
