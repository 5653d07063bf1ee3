using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Pki.Tests.Support;

/// <summary>Builds OCSPRequests the way a client would, plus the odd ones a test needs (versions, extensions, hashes).</summary>
internal sealed class OcspRequestBuilder
{
    private readonly List<(string HashOid, byte[] NameHash, byte[] KeyHash, byte[] Serial)> _certIds = [];
    private readonly List<(string Oid, bool Critical, byte[] Value)> _extensions = [];
    private int? _version;

    public OcspRequestBuilder Add(X509Certificate2 issuer, ReadOnlySpan<byte> serialUnsigned, HashAlgorithmName? hash = null)
    {
        var algorithm = hash ?? HashAlgorithmName.SHA1;
        var oid = algorithm == HashAlgorithmName.SHA256 ? "2.16.840.1.101.3.4.2.1" : "1.3.14.3.2.26";
        _certIds.Add((oid, CryptographicOperations.HashData(algorithm, issuer.SubjectName.RawData),
            CryptographicOperations.HashData(algorithm, issuer.PublicKey.EncodedKeyValue.RawData), serialUnsigned.ToArray()));
        return this;
    }

    public OcspRequestBuilder Add(X509Certificate2 issuer, X509Certificate2 certificate, HashAlgorithmName? hash = null) =>
        Add(issuer, certificate.SerialNumberBytes.Span, hash);

    /// <summary>A CertID with any hash OID and hash values (for unsupported algorithms).</summary>
    public OcspRequestBuilder AddRaw(string hashOid, byte[] nameHash, byte[] keyHash, byte[] serial)
    {
        _certIds.Add((hashOid, nameHash, keyHash, serial));
        return this;
    }

    public OcspRequestBuilder WithNonce(byte[] nonce)
    {
        var inner = new AsnWriter(AsnEncodingRules.DER);
        inner.WriteOctetString(nonce);
        return WithExtension("1.3.6.1.5.5.7.48.1.2", critical: false, inner.Encode());
    }

    public OcspRequestBuilder WithExtension(string oid, bool critical, byte[] value)
    {
        _extensions.Add((oid, critical, value));
        return this;
    }

    public OcspRequestBuilder WithVersion(int version)
    {
        _version = version;
        return this;
    }

    public byte[] Build()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            if (_version is { } version)
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                {
                    writer.WriteInteger(version);
                }
            }

            using (writer.PushSequence())
            {
                foreach (var (oid, nameHash, keyHash, serial) in _certIds)
                {
                    using (writer.PushSequence())
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(oid);
                            writer.WriteNull();
                        }

                        writer.WriteOctetString(nameHash);
                        writer.WriteOctetString(keyHash);
                        writer.WriteIntegerUnsigned(serial);
                    }
                }
            }

            if (_extensions.Count > 0)
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2, true)))
                using (writer.PushSequence())
                {
                    foreach (var (oid, critical, value) in _extensions)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(oid);
                            if (critical)
                            {
                                writer.WriteBoolean(true);
                            }

                            writer.WriteOctetString(value);
                        }
                    }
                }
            }
        }

        return writer.Encode();
    }
}
