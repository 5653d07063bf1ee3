using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Web.Tests.Features.CaFingerprint;

/// <summary>Two self-signed certificates made in the test, and their fingerprints computed independently of the app.</summary>
internal static class FingerprintTestCertificates
{
    public static readonly byte[] Ca = Create("CN=Test prefectural CA");

    public static readonly byte[] Other = Create("CN=Someone else's CA");

    public static string Sha256Hex(byte[] der) => Convert.ToHexString(SHA256.HashData(der));

#pragma warning disable CA5350 // R-CE-07 publishes the SHA-1 fingerprint too; the test computes it independently.
    public static string Sha1Hex(byte[] der) => Convert.ToHexString(SHA1.HashData(der));
#pragma warning restore CA5350

    /// <summary>Lower case, a colon between every pair, as many browsers print it.</summary>
    public static string LowerWithColons(string hex) => string.Join(':', hex.Chunk(2).Select(p => new string(p))).ToLowerInvariant();

    private static byte[] Create(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 3, 31, 0, 0, 0, TimeSpan.Zero));
        return certificate.RawData;
    }
}
