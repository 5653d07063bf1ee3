using System.Security.Cryptography;

namespace CounterApp.Web.Documents.Certificates;

/// <summary>
/// R-CE-07: the CA's self-signed certificate fingerprint in the form published to residents, SHA-256 and SHA-1,
/// upper-case hex pairs joined by colons. MD5 is never computed or shown.
/// </summary>
public sealed record CaFingerprint
{
    private CaFingerprint(string sha256, string sha1)
    {
        Sha256 = sha256;
        Sha1 = sha1;
    }

    /// <summary>e.g. 3A:0F:…, 32 pairs.</summary>
    public string Sha256 { get; }

    /// <summary>20 pairs.</summary>
    public string Sha1 { get; }

    /// <summary>From the CA certificate's DER bytes.</summary>
    public static CaFingerprint FromCertificate(ReadOnlySpan<byte> der) =>
        new(Format(SHA256.HashData(der)), Format(HashSha1(der)));

    /// <summary>From fingerprints computed elsewhere (the CA), in any of the usual spellings (case, spaces, colons).</summary>
    /// <exception cref="FormatException">Not 32 and 20 bytes of hex.</exception>
    public static CaFingerprint FromHex(string sha256, string sha1) =>
        new(Format(Parse(sha256, 32, nameof(sha256))), Format(Parse(sha1, 20, nameof(sha1))));

    // SHA-1 identifies a certificate residents already hold (the form the prefecture publishes); it protects nothing here.
#pragma warning disable CA5350
    private static byte[] HashSha1(ReadOnlySpan<byte> der) => SHA1.HashData(der);
#pragma warning restore CA5350

    private static byte[] Parse(string hex, int bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var clean = new string(hex.Where(c => c is not (':' or ' ' or '-')).ToArray());
        return clean.Length == 2 * bytes && clean.All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(clean)
            : throw new FormatException($"{name} must be {bytes} bytes of hex.");
    }

    private static string Format(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
}
