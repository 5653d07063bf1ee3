using System.Formats.Asn1;
using System.Security.Cryptography;

namespace CounterApp.Card.Profile;

/// <summary>
/// PKCS#1 DigestInfo (RFC 8017 §9.2): what COMPUTE DIGITAL SIGNATURE signs. The card accepts SHA-1, SHA-256,
/// SHA-384 and SHA-512, DER-encoded with NULL parameters, the form OpenSC and Windows send.
/// </summary>
public static class DigestInfo
{
    private static readonly (string Oid, HashAlgorithmName Name, int Length)[] Known =
    [
        ("1.3.14.3.2.26", HashAlgorithmName.SHA1, 20),
        ("2.16.840.1.101.3.4.2.1", HashAlgorithmName.SHA256, 32),
        ("2.16.840.1.101.3.4.2.2", HashAlgorithmName.SHA384, 48),
        ("2.16.840.1.101.3.4.2.3", HashAlgorithmName.SHA512, 64),
    ];

    public static byte[] Create(HashAlgorithmName algorithm, ReadOnlySpan<byte> hash)
    {
        var entry = Known.FirstOrDefault(k => k.Name == algorithm);
        if (entry.Oid is null || hash.Length != entry.Length)
        {
            throw new ArgumentException($"No DigestInfo for {algorithm} with a {hash.Length}-byte hash.", nameof(hash));
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(entry.Oid);
                writer.WriteNull();
            }

            writer.WriteOctetString(hash);
        }

        return writer.Encode();
    }

    /// <summary>Reads a DigestInfo; false when it is not one of the accepted forms.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> encoded, out HashAlgorithmName algorithm, out byte[] hash)
    {
        algorithm = default;
        hash = [];
        try
        {
            var reader = new AsnReader(encoded, AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var identifier = sequence.ReadSequence();
            var oid = identifier.ReadObjectIdentifier();
            identifier.ReadNull();
            identifier.ThrowIfNotEmpty();
            var digest = sequence.ReadOctetString();
            sequence.ThrowIfNotEmpty();
            var entry = Known.FirstOrDefault(k => k.Oid == oid);
            if (entry.Oid is null || digest.Length != entry.Length)
            {
                return false;
            }

            algorithm = entry.Name;
            hash = digest;
            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
