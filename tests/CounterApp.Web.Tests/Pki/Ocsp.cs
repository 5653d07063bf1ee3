using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Web.Tests.Pki;

/// <summary>OCSP as a client writes and reads it, just enough for the HTTP tests (OpenSSL does the full reading).</summary>
internal static class Ocsp
{
    public const int Successful = 0;

    public const int MalformedRequest = 1;

    public const int Unauthorized = 6;

    /// <summary>An OCSPRequest for one certificate, SHA-1 CertID, optionally with a nonce.</summary>
    public static byte[] Request(X509Certificate2 issuer, ReadOnlySpan<byte> serial, byte[]? nonce = null)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("1.3.14.3.2.26");
                    writer.WriteNull();
                }

#pragma warning disable CA5350 // RFC 6960 CertIDs are SHA-1 by default; they identify, they do not protect.
                writer.WriteOctetString(SHA1.HashData(issuer.SubjectName.RawData));
                writer.WriteOctetString(SHA1.HashData(issuer.PublicKey.EncodedKeyValue.RawData));
#pragma warning restore CA5350
                writer.WriteIntegerUnsigned(serial);
            }

            if (nonce is not null)
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2, true)))
                using (writer.PushSequence())
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("1.3.6.1.5.5.7.48.1.2");
                    var inner = new AsnWriter(AsnEncodingRules.DER);
                    inner.WriteOctetString(nonce);
                    writer.WriteOctetString(inner.Encode());
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>The OCSPResponse's responseStatus (0 successful, 1 malformedRequest, …).</summary>
    public static int Status(byte[] response)
    {
        var sequence = new AsnReader(response, AsnEncodingRules.DER).ReadSequence();
        return sequence.ReadEnumeratedBytes().Span[0];
    }
}
