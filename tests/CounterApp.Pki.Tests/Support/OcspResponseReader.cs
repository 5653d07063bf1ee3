using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Ocsp;

namespace CounterApp.Pki.Tests.Support;

/// <summary>An independent, test-side reading of an OCSPResponse (RFC 6960 §4.2.1), with the signature checked.</summary>
internal sealed record OcspReading(
    int Status,
    byte[]? ResponderKeyHash,
    DateTimeOffset? ProducedAt,
    IReadOnlyList<OcspSingle> Responses,
    byte[]? NonceExtnValue,
    X509Certificate2? Signer,
    bool SignatureValid)
{
    public OcspResponseStatus ResponseStatus => (OcspResponseStatus)Status;

    public static OcspReading Parse(ReadOnlySpan<byte> der)
    {
        var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
        var response = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        var status = (int)response.ReadEnumeratedValue<OcspResponseStatus>();
        if (!response.HasData)
        {
            return new OcspReading(status, null, null, [], null, null, false);
        }

        var bytes = response.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadSequence();
        Assert.Equal("1.3.6.1.5.5.7.48.1.1", bytes.ReadObjectIdentifier());
        var basic = new AsnReader(bytes.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
        var tbsDer = basic.PeekEncodedValue().ToArray();
        var tbs = basic.ReadSequence();
        var algorithm = basic.ReadSequence();
        Assert.Equal("1.2.840.113549.1.1.11", algorithm.ReadObjectIdentifier());
        var signature = basic.ReadBitString(out _);
        var certs = basic.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadSequence();
        var signer = X509CertificateLoader.LoadCertificate(certs.ReadEncodedValue().Span);

        var responderId = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 2, true)).ReadOctetString();
        var producedAt = tbs.ReadGeneralizedTime();
        var list = tbs.ReadSequence();
        var singles = new List<OcspSingle>();
        while (list.HasData)
        {
            singles.Add(OcspSingle.Read(list.ReadSequence()));
        }

        byte[]? nonce = null;
        if (tbs.HasData)
        {
            var extension = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 1, true)).ReadSequence().ReadSequence();
            Assert.Equal("1.3.6.1.5.5.7.48.1.2", extension.ReadObjectIdentifier());
            nonce = extension.ReadOctetString();
        }

        using var key = signer.GetRSAPublicKey()!;
        var valid = key.VerifyData(tbsDer, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new OcspReading(status, responderId, producedAt, singles, nonce, signer, valid);
    }
}

internal sealed record OcspSingle(byte[] CertIdDer, OcspCertStatusKind Kind, DateTimeOffset? RevokedAt, int? Reason, DateTimeOffset ThisUpdate, DateTimeOffset? NextUpdate)
{
    public static OcspSingle Read(AsnReader single)
    {
        var certId = single.ReadEncodedValue().ToArray();
        var tag = single.PeekTag();
        OcspCertStatusKind kind;
        DateTimeOffset? revokedAt = null;
        int? reason = null;
        switch (tag.TagValue)
        {
            case 0:
                single.ReadNull(new Asn1Tag(TagClass.ContextSpecific, 0));
                kind = OcspCertStatusKind.Good;
                break;
            case 1:
                var revoked = single.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 1, true));
                revokedAt = revoked.ReadGeneralizedTime();
                if (revoked.HasData)
                {
                    var explicitReason = revoked.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
                    reason = (int)explicitReason.ReadEnumeratedValue<Domain.Revocation.RevocationReason>();
                }

                kind = OcspCertStatusKind.Revoked;
                break;
            default:
                single.ReadNull(new Asn1Tag(TagClass.ContextSpecific, 2));
                kind = OcspCertStatusKind.Unknown;
                break;
        }

        var thisUpdate = single.ReadGeneralizedTime();
        DateTimeOffset? nextUpdate = single.HasData ? single.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)).ReadGeneralizedTime() : null;
        return new OcspSingle(certId, kind, revokedAt, reason, thisUpdate, nextUpdate);
    }
}
