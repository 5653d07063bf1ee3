using System.Security.Cryptography;

namespace CounterApp.Pki.Ocsp;

/// <summary>
/// One CertID of a request (RFC 6960 §4.1.1): which issuer (name and key hashes under <see cref="HashAlgorithm"/>) and
/// which serial. <see cref="Encoded"/> is the DER as received: the answer repeats it and the cache is keyed by it.
/// </summary>
/// <param name="HashAlgorithm">Null when the request used a hash this responder does not support.</param>
/// <param name="SerialNumber">The INTEGER's content octets, two's complement.</param>
public sealed record OcspCertId(
    HashAlgorithmName? HashAlgorithm,
    ReadOnlyMemory<byte> IssuerNameHash,
    ReadOnlyMemory<byte> IssuerKeyHash,
    ReadOnlyMemory<byte> SerialNumber,
    ReadOnlyMemory<byte> Encoded);
