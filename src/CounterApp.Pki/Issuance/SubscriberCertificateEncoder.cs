using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Profile;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Issuance;

/// <summary>
/// Encodes the R-CE-02 certificate directly (the same DER as <see cref="SubscriberProfile.CreateRequest"/> with
/// <see cref="CertificateRequest"/>.Create would make, byte for byte) without loading the signed result back into an
/// <see cref="X509Certificate2"/>. The parts every subscriber certificate of one CA shares (issuer name, signature
/// algorithm, basic constraints, key usage, policy, CRL distribution point, AIA, AKI) are encoded once per CA.
/// </summary>
internal sealed class SubscriberCertificateEncoder
{
    private static readonly Asn1Tag VersionTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag ExtensionsTag = new(TagClass.ContextSpecific, 3, isConstructed: true);

    private readonly byte[] _issuerName;
    private readonly byte[] _signatureAlgorithm;
    private readonly byte[][] _leadingExtensions;
    private readonly byte[][] _middleExtensions;
    private readonly byte[][] _trailingExtensions;

    public SubscriberCertificateEncoder(AuthorityProfile profile, X509Certificate2 authority, byte[] signatureAlgorithm)
    {
        _issuerName = authority.SubjectName.RawData;
        _signatureAlgorithm = signatureAlgorithm;

        // The order SubscriberProfile.CreateRequest adds them in: BC, KU | SAN | policies, CRL DP, AIA | SKI | AKI.
        _leadingExtensions = EncodeExtensions(
            X509BasicConstraintsExtension.CreateForEndEntity(),
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        _middleExtensions = EncodeExtensions(
            CertificatePolicies.Create(profile.PolicyOid),
            CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([profile.CrlUri.AbsoluteUri]),
            new X509AuthorityInformationAccessExtension([profile.OcspUri.AbsoluteUri], [profile.CertificateUri.AbsoluteUri]));
        _trailingExtensions = EncodeExtensions(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
    }

    /// <summary>The TBSCertificate to sign.</summary>
    public byte[] EncodeToBeSigned(
        AuthorityProfile profile, CertificateSubject subject, SubscriberKey key, CertificateSerial serial, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: 1536);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(VersionTag))
            {
                writer.WriteInteger(2);
            }

            writer.WriteIntegerUnsigned(serial.ToByteArray());
            writer.WriteEncodedValue(_signatureAlgorithm);
            writer.WriteEncodedValue(_issuerName);
            using (writer.PushSequence())
            {
                WriteTime(writer, notBefore);
                WriteTime(writer, notAfter);
            }

            writer.WriteEncodedValue(SubscriberProfile.SubjectName(profile, subject, serial).RawData);
            writer.WriteEncodedValue(key.ExportSubjectPublicKeyInfo());
            using (writer.PushSequence(ExtensionsTag))
            using (writer.PushSequence())
            {
                WriteEncoded(writer, _leadingExtensions);
                WriteExtension(writer, BasicDataAltName.Create(subject));
                WriteEncoded(writer, _middleExtensions);
                WriteExtension(writer, new X509SubjectKeyIdentifierExtension(key.PublicKey, critical: false));
                WriteEncoded(writer, _trailingExtensions);
            }
        }

        return writer.Encode();
    }

    /// <summary>The Certificate: the TBSCertificate, the signature algorithm and the signature.</summary>
    public byte[] EncodeCertificate(byte[] toBeSigned, byte[] signature)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: toBeSigned.Length + signature.Length + 32);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(toBeSigned);
            writer.WriteEncodedValue(_signatureAlgorithm);
            writer.WriteBitString(signature);
        }

        return writer.Encode();
    }

    // As X.509 (RFC 5280 §4.1.2.5): UTCTime through 2049, GeneralizedTime from 2050; whole seconds.
    private static void WriteTime(AsnWriter writer, DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        if (utc.Year is >= 1950 and < 2050)
        {
            writer.WriteUtcTime(utc);
        }
        else
        {
            writer.WriteGeneralizedTime(utc, omitFractionalSeconds: true);
        }
    }

    private static byte[][] EncodeExtensions(params X509Extension[] extensions) =>
        Array.ConvertAll(extensions, extension =>
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            WriteExtension(writer, extension);
            return writer.Encode();
        });

    private static void WriteEncoded(AsnWriter writer, byte[][] values)
    {
        foreach (var value in values)
        {
            writer.WriteEncodedValue(value);
        }
    }

    private static void WriteExtension(AsnWriter writer, X509Extension extension)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(extension.Oid!.Value!);
            if (extension.Critical)
            {
                writer.WriteBoolean(true);
            }

            writer.WriteOctetString(extension.RawData);
        }
    }
}
