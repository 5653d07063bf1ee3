using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Pki.Ocsp;

/// <summary>
/// The CA's issuerNameHash and issuerKeyHash under each CertID hash the responder supports, computed once
/// (RFC 6960 §4.1.1: the hash of the DER Name, and of the subjectPublicKey BIT STRING's value).
/// </summary>
internal sealed class IssuerHashes
{
    private static readonly HashAlgorithmName[] Supported = [HashAlgorithmName.SHA1, HashAlgorithmName.SHA256, HashAlgorithmName.SHA384, HashAlgorithmName.SHA512];
    private readonly Dictionary<HashAlgorithmName, (byte[] Name, byte[] Key)> _hashes = [];

    public IssuerHashes(X509Certificate2 issuer)
    {
        var name = issuer.SubjectName.RawData;
        var key = issuer.PublicKey.EncodedKeyValue.RawData;
        foreach (var algorithm in Supported)
        {
            _hashes[algorithm] = (CryptographicOperations.HashData(algorithm, name), CryptographicOperations.HashData(algorithm, key));
        }
    }

    /// <summary>True when the CertID names this CA as issuer, under a hash the responder supports.</summary>
    public bool Match(OcspCertId id) =>
        id.HashAlgorithm is { } algorithm
        && _hashes.TryGetValue(algorithm, out var hashes)
        && id.IssuerNameHash.Span.SequenceEqual(hashes.Name)
        && id.IssuerKeyHash.Span.SequenceEqual(hashes.Key);
}
