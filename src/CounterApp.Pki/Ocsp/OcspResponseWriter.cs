using System.Formats.Asn1;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Profile;

namespace CounterApp.Pki.Ocsp;

/// <summary>
/// RFC 6960 §4.2.1 OCSPResponse in DER: a BasicOCSPResponse with ResponderID byKey, one SingleResponse per CertID
/// (the CertID repeated as received), the nonce echoed when sent, sha256WithRSAEncryption by the delegated responder,
/// whose certificate travels in <c>certs</c> so clients can check it chains to the CA.
/// </summary>
internal static class OcspResponseWriter
{
    private static readonly Asn1Tag Explicit0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Explicit1 = new(TagClass.ContextSpecific, 1, isConstructed: true);
    private static readonly Asn1Tag Explicit2 = new(TagClass.ContextSpecific, 2, isConstructed: true);
    private static readonly Asn1Tag GoodTag = new(TagClass.ContextSpecific, 0);
    private static readonly Asn1Tag RevokedTag = new(TagClass.ContextSpecific, 1, isConstructed: true);
    private static readonly Asn1Tag UnknownTag = new(TagClass.ContextSpecific, 2);

    public static byte[] Error(OcspResponseStatus status)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteEnumeratedValue(status);
        }

        return writer.Encode();
    }

    public static byte[] Successful(
        Responder responder,
        IReadOnlyList<(OcspCertId Id, OcspCertStatus Status)> answers,
        DateTimeOffset now,
        DateTimeOffset nextUpdate,
        ReadOnlyMemory<byte>? nonce)
    {
        var tbs = ResponseData(responder.KeyHash, answers, now, nextUpdate, nonce);
        var signature = responder.Signer.SignData(tbs);

        var basic = new AsnWriter(AsnEncodingRules.DER);
        using (basic.PushSequence())
        {
            basic.WriteEncodedValue(tbs);
            using (basic.PushSequence())
            {
                basic.WriteObjectIdentifier(Oids.Sha256WithRsa);
                basic.WriteNull();
            }

            basic.WriteBitString(signature);
            using (basic.PushSequence(Explicit0))
            using (basic.PushSequence())
            {
                basic.WriteEncodedValue(responder.Certificate.RawData);
            }
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteEnumeratedValue(OcspResponseStatus.Successful);
            using (writer.PushSequence(Explicit0))
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oids.OcspBasic);
                writer.WriteOctetString(basic.Encode());
            }
        }

        return writer.Encode();
    }

    private static byte[] ResponseData(
        byte[] responderKeyHash, IReadOnlyList<(OcspCertId Id, OcspCertStatus Status)> answers, DateTimeOffset now, DateTimeOffset nextUpdate, ReadOnlyMemory<byte>? nonce)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(Explicit2))
            {
                writer.WriteOctetString(responderKeyHash);
            }

            writer.WriteGeneralizedTime(now, omitFractionalSeconds: true);
            using (writer.PushSequence())
            {
                foreach (var (id, status) in answers)
                {
                    WriteSingleResponse(writer, id, status, now, nextUpdate);
                }
            }

            if (nonce is { } value)
            {
                using (writer.PushSequence(Explicit1))
                using (writer.PushSequence())
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Oids.OcspNonce);
                    writer.WriteOctetString(value.Span);
                }
            }
        }

        return writer.Encode();
    }

    private static void WriteSingleResponse(AsnWriter writer, OcspCertId id, OcspCertStatus status, DateTimeOffset now, DateTimeOffset nextUpdate)
    {
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(id.Encoded.Span);
            switch (status.Kind)
            {
                case OcspCertStatusKind.Good:
                    writer.WriteNull(GoodTag);
                    break;
                case OcspCertStatusKind.Revoked:
                    using (writer.PushSequence(RevokedTag))
                    {
                        writer.WriteGeneralizedTime(status.RevokedAt!.Value, omitFractionalSeconds: true);

                        // As in the CRL, "unspecified" is left out rather than written (RFC 5280 §5.3.1).
                        if (status.Reason is { } reason && reason != RevocationReason.Unspecified)
                        {
                            using (writer.PushSequence(Explicit0))
                            {
                                writer.WriteEnumeratedValue(reason);
                            }
                        }
                    }

                    break;
                default:
                    writer.WriteNull(UnknownTag);
                    break;
            }

            writer.WriteGeneralizedTime(now, omitFractionalSeconds: true);
            using (writer.PushSequence(Explicit0))
            {
                writer.WriteGeneralizedTime(nextUpdate, omitFractionalSeconds: true);
            }
        }
    }
}
