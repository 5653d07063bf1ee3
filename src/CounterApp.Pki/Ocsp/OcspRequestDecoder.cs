using System.Formats.Asn1;
using System.Security.Cryptography;
using CounterApp.Pki.Profile;

namespace CounterApp.Pki.Ocsp;

/// <summary>
/// RFC 6960 §4.1 OCSPRequest, read as strict DER with bounds checked before any work. Returns the status to answer
/// with instead of throwing: malformedRequest for anything not well-formed, over a bound, of another version, with a
/// bad nonce (RFC 8954: 1–32 octets) or with a critical extension it does not know. A signed request is accepted
/// and its signature ignored (the responder does not require signatures).
/// </summary>
public static class OcspRequestDecoder
{
    private const int MaxNonceOctets = 32;
    private static readonly Asn1Tag Explicit0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Explicit1 = new(TagClass.ContextSpecific, 1, isConstructed: true);
    private static readonly Asn1Tag Explicit2 = new(TagClass.ContextSpecific, 2, isConstructed: true);

    /// <summary>Decodes a request; on failure <paramref name="error"/> is the status to answer with.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> der, OcspOptions options, out OcspRequest? request, out OcspResponseStatus error)
    {
        ArgumentNullException.ThrowIfNull(options);
        request = null;
        error = OcspResponseStatus.MalformedRequest;
        if (der.IsEmpty || der.Length > options.MaxRequestBytes)
        {
            return false;
        }

        try
        {
            request = Decode(der.ToArray(), options);
            return request is not null;
        }
        catch (AsnContentException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Null for a request that parses but breaks a rule (all map to malformedRequest).</summary>
    private static OcspRequest? Decode(byte[] der, OcspOptions options)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var ocspRequest = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var tbs = ocspRequest.ReadSequence();
        if (ocspRequest.HasData)
        {
            ocspRequest.ReadSequence(Explicit0); // optionalSignature: accepted, not verified
        }

        ocspRequest.ThrowIfNotEmpty();

        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Explicit0))
        {
            var version = tbs.ReadSequence(Explicit0);
            if (!version.TryReadInt32(out var v) || v != 0)
            {
                return null;
            }

            version.ThrowIfNotEmpty();
        }

        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Explicit1))
        {
            tbs.ReadSequence(Explicit1); // requestorName: not used
        }

        var list = tbs.ReadSequence();
        ReadOnlyMemory<byte>? nonce = null;
        if (tbs.HasData)
        {
            var extensions = tbs.ReadSequence(Explicit2);
            if (!TryReadExtensions(extensions.ReadSequence(), acceptNonce: true, out nonce))
            {
                return null;
            }

            extensions.ThrowIfNotEmpty();
        }

        tbs.ThrowIfNotEmpty();

        var certIds = new List<OcspCertId>();
        while (list.HasData)
        {
            if (certIds.Count == options.MaxCertIds)
            {
                return null;
            }

            var single = list.ReadSequence();
            certIds.Add(ReadCertId(single));
            if (single.HasData)
            {
                var singleExtensions = single.ReadSequence(Explicit0);
                if (!TryReadExtensions(singleExtensions.ReadSequence(), acceptNonce: false, out _))
                {
                    return null;
                }

                singleExtensions.ThrowIfNotEmpty();
            }

            single.ThrowIfNotEmpty();
        }

        return certIds.Count == 0 ? null : new OcspRequest(certIds, nonce);
    }

    private static OcspCertId ReadCertId(AsnReader single)
    {
        var encoded = single.PeekEncodedValue();
        var certId = single.ReadSequence();
        var algorithm = certId.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        if (algorithm.HasData)
        {
            algorithm.ReadNull();
        }

        algorithm.ThrowIfNotEmpty();
        var nameHash = certId.ReadOctetString();
        var keyHash = certId.ReadOctetString();
        var serial = certId.ReadIntegerBytes();
        certId.ThrowIfNotEmpty();
        return new OcspCertId(HashOf(oid), nameHash, keyHash, serial.ToArray(), encoded.ToArray());
    }

    private static HashAlgorithmName? HashOf(string oid) => oid switch
    {
        Oids.Sha1 => HashAlgorithmName.SHA1,
        Oids.Sha256 => HashAlgorithmName.SHA256,
        Oids.Sha384 => HashAlgorithmName.SHA384,
        Oids.Sha512 => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static bool TryReadExtensions(AsnReader extensions, bool acceptNonce, out ReadOnlyMemory<byte>? nonce)
    {
        nonce = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            var critical = extension.HasData && extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && extension.ReadBoolean();
            var value = extension.ReadOctetString();
            extension.ThrowIfNotEmpty();
            if (!seen.Add(oid))
            {
                return false;
            }

            if (acceptNonce && oid == Oids.OcspNonce)
            {
                if (!IsAcceptableNonce(value))
                {
                    return false;
                }

                nonce = value;
            }
            else if (critical)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 8954: Nonce ::= OCTET STRING (SIZE(1..32)), inside the extnValue.</summary>
    private static bool IsAcceptableNonce(byte[] extnValue)
    {
        try
        {
            var inner = AsnDecoder.ReadOctetString(extnValue, AsnEncodingRules.DER, out var consumed);
            return consumed == extnValue.Length && inner.Length is >= 1 and <= MaxNonceOctets;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
