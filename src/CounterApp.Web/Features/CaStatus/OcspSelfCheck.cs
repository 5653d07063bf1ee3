using System.Diagnostics;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Store;

namespace CounterApp.Web.Features.CaStatus;

/// <summary>
/// Asks the app's own OCSP responder about one certificate the way a relying party does: a DER OCSPRequest (SHA-256
/// CertID, a fresh nonce) goes through the same <see cref="OcspEndpoint"/> that POST /ocsp uses, and the answer is
/// read independently: response status, the single response for our CertID, the nonce echoed, the delegated responder
/// certificate issued by the CA, and the signature over the response data. Anything else is a failure with its reason.
/// </summary>
public static class OcspSelfCheck
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string BasicResponseOid = "1.3.6.1.5.5.7.48.1.1";
    private const string NonceOid = "1.3.6.1.5.5.7.48.1.2";
    private const string Sha256WithRsaOid = "1.2.840.113549.1.1.11";

    public static OcspCheck Run(OcspEndpoint endpoint, X509Certificate2 authority, CertificateSerial serial)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(authority);
        var nonce = RandomNumberGenerator.GetBytes(16);
        var (request, certId) = Request(authority, serial.ToByteArray(), nonce);
        var watch = Stopwatch.StartNew();
        var answer = endpoint.Answer(request);
        watch.Stop();
        try
        {
            return Read(answer.Body.ToArray(), certId, nonce, authority, serial.Hex, watch.Elapsed);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or FormatException or ArgumentException)
        {
            return new OcspCheck(OcspCheckOutcome.Failed, serial.Hex, watch.Elapsed, Error: CaStatusText.Get("OcspUnreadable", e.Message));
        }
    }

    /// <summary>An OCSPRequest (RFC 6960 §4.1.1) for one serial with a nonce; also the CertID's DER, which the answer repeats.</summary>
    internal static (byte[] Request, byte[] CertId) Request(X509Certificate2 authority, byte[] serial, byte[] nonce)
    {
        var id = new AsnWriter(AsnEncodingRules.DER);
        using (id.PushSequence())
        {
            using (id.PushSequence())
            {
                id.WriteObjectIdentifier(Sha256Oid);
                id.WriteNull();
            }

            id.WriteOctetString(SHA256.HashData(authority.SubjectName.RawData));
            id.WriteOctetString(SHA256.HashData(authority.PublicKey.EncodedKeyValue.RawData));
            id.WriteIntegerUnsigned(serial);
        }

        var certId = id.Encode();
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                writer.WriteEncodedValue(certId);
            }

            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2, true)))
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(NonceOid);
                var inner = new AsnWriter(AsnEncodingRules.DER);
                inner.WriteOctetString(nonce);
                writer.WriteOctetString(inner.Encode());
            }
        }

        return (writer.Encode(), certId);
    }

    private static OcspCheck Read(byte[] der, byte[] certId, byte[] nonce, X509Certificate2 authority, string serial, TimeSpan elapsed)
    {
        OcspCheck Failed(string key, params object?[] args) => new(OcspCheckOutcome.Failed, serial, elapsed, Error: CaStatusText.Get(key, args));

        var response = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var status = response.ReadEnumeratedValue<OcspResponseStatus>();
        if (status != OcspResponseStatus.Successful || !response.HasData)
        {
            return Failed("OcspErrorStatus", status);
        }

        var bytes = response.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadSequence();
        if (bytes.ReadObjectIdentifier() != BasicResponseOid)
        {
            return Failed("OcspUnreadable", "responseType");
        }

        var basic = new AsnReader(bytes.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
        var tbsDer = basic.PeekEncodedValue().ToArray();
        var tbs = basic.ReadSequence();
        var algorithm = basic.ReadSequence().ReadObjectIdentifier();
        var signature = basic.ReadBitString(out _);
        if (!basic.HasData)
        {
            return Failed("OcspNoResponderCertificate");
        }

        var certs = basic.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadSequence();
        using var signer = X509CertificateLoader.LoadCertificate(certs.ReadEncodedValue().Span);
        if (!IssuedBy(signer, authority))
        {
            return Failed("OcspResponderNotIssuedByCa", signer.Subject);
        }

        using var key = signer.GetRSAPublicKey();
        if (algorithm != Sha256WithRsaOid || key is null || !key.VerifyData(tbsDer, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return Failed("OcspBadSignature", algorithm);
        }

        if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
        {
            tbs.ReadEncodedValue(); // version, explicit
        }

        tbs.ReadEncodedValue(); // responderID
        var producedAt = tbs.ReadGeneralizedTime();
        var singles = tbs.ReadSequence();
        var single = singles.ReadSequence();
        if (!single.ReadEncodedValue().Span.SequenceEqual(certId))
        {
            return Failed("OcspWrongCertId");
        }

        if (!NonceEchoed(tbs, nonce))
        {
            return Failed("OcspNonceMissing");
        }

        var tag = single.PeekTag();
        if (tag.TagClass != TagClass.ContextSpecific)
        {
            return Failed("OcspUnreadable", "certStatus");
        }

        switch (tag.TagValue)
        {
            case 0:
                return new OcspCheck(OcspCheckOutcome.Good, serial, elapsed, ProducedAt: producedAt);
            case 1:
                var revoked = single.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 1, true));
                var revokedAt = revoked.ReadGeneralizedTime();
                RevocationReason? reason = revoked.HasData
                    ? revoked.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadEnumeratedValue<RevocationReason>()
                    : null;
                return new OcspCheck(OcspCheckOutcome.Revoked, serial, elapsed, revokedAt, reason, producedAt);
            default:
                return new OcspCheck(OcspCheckOutcome.Unknown, serial, elapsed, ProducedAt: producedAt);
        }
    }

    private static bool NonceEchoed(AsnReader tbs, byte[] nonce)
    {
        if (!tbs.HasData)
        {
            return false;
        }

        var extensions = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 1, true)).ReadSequence();
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            if (extension.ReadObjectIdentifier() != NonceOid)
            {
                continue;
            }

            if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                extension.ReadBoolean();
            }

            var value = new AsnReader(extension.ReadOctetString(), AsnEncodingRules.DER).ReadOctetString();
            return value.AsSpan().SequenceEqual(nonce);
        }

        return false;
    }

    /// <summary>True when <paramref name="certificate"/> names the CA as issuer and carries the CA's valid signature.</summary>
    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(authority.SubjectName.RawData))
        {
            return false;
        }

        var reader = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence();
        var tbs = reader.ReadEncodedValue().ToArray();
        var algorithm = reader.ReadSequence().ReadObjectIdentifier();
        var signature = reader.ReadBitString(out _);
        using var key = authority.GetRSAPublicKey();
        return algorithm == Sha256WithRsaOid && key is not null && key.VerifyData(tbs, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
