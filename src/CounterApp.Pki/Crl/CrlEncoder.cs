using System.Buffers;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Crl;

/// <summary>
/// DER of a v2 CertificateList (RFC 5280 §5.1) that stays linear in the number of entries. Each entry is encoded on
/// its own small <see cref="AsnWriter"/> and appended to a doubling buffer; the large SEQUENCEs around them get their
/// lengths written once, when the sizes are known. (The BCL's <see cref="CertificateRevocationListBuilder"/> writes the
/// whole list through one <see cref="AsnWriter"/>, whose buffer grows in 1 KiB steps past the array pool's largest
/// bucket, so every step copies everything written so far: a 100,000-entry list took seconds, a million took many
/// minutes.) The bytes are those the BCL builder writes — same field order, times, extensions (AKI, then CRL number)
/// and reasonCode — except that serials are written as the positive integers they are, also when their first octet
/// is 0x80 or more (the BCL would read those octets as a negative number).
/// </summary>
internal static class CrlEncoder
{
    private const string AuthorityKeyIdentifierOid = "2.5.29.35";
    private const string CrlNumberOid = "2.5.29.20";
    private const string ReasonCodeOid = "2.5.29.21";

    /// <summary>A generated serial's entry with a reasonCode: SEQUENCE 2 + INTEGER 18 + UTCTime 15 + extensions 14.</summary>
    private const int TypicalEntryLength = 49;

    private static readonly Dictionary<RevocationReason, byte[]> ReasonExtensions = new()
    {
        [RevocationReason.KeyCompromise] = ReasonExtension(X509RevocationReason.KeyCompromise),
        [RevocationReason.AffiliationChanged] = ReasonExtension(X509RevocationReason.AffiliationChanged),
        [RevocationReason.Superseded] = ReasonExtension(X509RevocationReason.Superseded),
        [RevocationReason.CessationOfOperation] = ReasonExtension(X509RevocationReason.CessationOfOperation),
    };

    /// <summary>The revokedCertificates' content: every entry's RevokedCertificate SEQUENCE, back to back.</summary>
    public static ReadOnlyMemory<byte> EncodeEntries(IEnumerable<RevokedEntry> revoked, out int count)
    {
        count = 0;

        // Sized for the whole list when the store says how long it is, so a million entries are not copied on the way.
        var capacity = revoked.TryGetNonEnumeratedCount(out var known) ? Math.Clamp((long)known * TypicalEntryLength, 1024, Array.MaxLength) : 64 * 1024;
        var buffer = new ArrayBufferWriter<byte>((int)capacity);
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: 128);
        Span<byte> serial = stackalloc byte[CertificateSerial.MaxOctets];
        foreach (var entry in revoked)
        {
            writer.Reset();
            using (writer.PushSequence())
            {
                if (Convert.FromHexString(entry.Serial.Hex, serial, out _, out var octets) != OperationStatus.Done)
                {
                    throw new InvalidOperationException($"Serial {entry.Serial} is not the hex of at most {CertificateSerial.MaxOctets} octets.");
                }

                writer.WriteIntegerUnsigned(serial[..octets]);
                WriteTime(writer, entry.RevokedAt);
                if (entry.Reason != RevocationReason.Unspecified)
                {
                    // RFC 5280 §5.3.1: "unspecified" is expressed by leaving the reasonCode out.
                    writer.WriteEncodedValue(ReasonExtensions.TryGetValue(entry.Reason, out var extension)
                        ? extension
                        : throw new ArgumentOutOfRangeException(nameof(revoked), entry.Reason, "Not a reason the counter uses."));
                }
            }

            buffer.Advance(writer.Encode(buffer.GetSpan(writer.GetEncodedLength())));
            count++;
        }

        return buffer.WrittenMemory;
    }

    /// <summary>The signed CertificateList: TBSCertList around <paramref name="entries"/>, then its signature.</summary>
    public static byte[] Sign(
        X509SignatureGenerator generator,
        X500DistinguishedName issuer,
        DateTimeOffset thisUpdate,
        DateTimeOffset nextUpdate,
        ReadOnlySpan<byte> entries,
        X509AuthorityKeyIdentifierExtension authorityKeyIdentifier,
        BigInteger crlNumber)
    {
        var algorithm = generator.GetSignatureAlgorithmIdentifier(HashAlgorithmName.SHA256);
        var head = new AsnWriter(AsnEncodingRules.DER);
        head.WriteInteger(1); // v2
        head.WriteEncodedValue(algorithm);
        head.WriteEncodedValue(issuer.RawData);
        WriteTime(head, thisUpdate);
        WriteTime(head, nextUpdate);
        var tail = Extensions(authorityKeyIdentifier, crlNumber);

        // An empty revokedCertificates is left out, not written as an empty SEQUENCE (RFC 5280 §5.1.2.6).
        var listLength = entries.IsEmpty ? 0 : HeaderLength(entries.Length) + entries.Length;
        var tbs = new Assembler(checked(head.GetEncodedLength() + listLength + tail.Length));
        tbs.Write(head);
        if (!entries.IsEmpty)
        {
            tbs.WriteHeader(entries.Length);
            tbs.Write(entries);
        }

        tbs.Write(tail);
        var tbsCertList = tbs.Done();

        var signature = new AsnWriter(AsnEncodingRules.DER);
        signature.WriteEncodedValue(algorithm);
        signature.WriteBitString(generator.SignData(tbsCertList, HashAlgorithmName.SHA256));
        var certificateList = new Assembler(checked(tbsCertList.Length + signature.GetEncodedLength()));
        certificateList.Write(tbsCertList);
        certificateList.Write(signature);
        return certificateList.Done();
    }

    /// <summary>crlExtensions [0]: authorityKeyIdentifier, cRLNumber; neither critical.</summary>
    private static byte[] Extensions(X509AuthorityKeyIdentifierExtension authorityKeyIdentifier, BigInteger crlNumber)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(AuthorityKeyIdentifierOid);
                writer.WriteOctetString(authorityKeyIdentifier.RawData);
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(CrlNumberOid);
                using (writer.PushOctetString())
                {
                    writer.WriteInteger(crlNumber);
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>crlEntryExtensions with the one reasonCode, as the BCL builder writes it.</summary>
    private static byte[] ReasonExtension(X509RevocationReason reason)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(ReasonCodeOid);
            using (writer.PushOctetString())
            {
                writer.WriteEnumeratedValue(reason);
            }
        }

        return writer.Encode();
    }

    /// <summary>RFC 5280 §5.1.2.4: UTCTime through 2049, GeneralizedTime from 2050; whole seconds, UTC.</summary>
    private static void WriteTime(AsnWriter writer, DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        utc = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (utc.Year is >= 1950 and < 2050)
        {
            writer.WriteUtcTime(utc);
        }
        else
        {
            writer.WriteGeneralizedTime(utc, omitFractionalSeconds: true);
        }
    }

    /// <summary>The octets of a SEQUENCE tag and DER definite length for <paramref name="contentLength"/> octets.</summary>
    private static int HeaderLength(int contentLength) => contentLength switch
    {
        < 0x80 => 2,
        <= 0xFF => 3,
        <= 0xFFFF => 4,
        <= 0xFF_FFFF => 5,
        _ => 6,
    };

    /// <summary>One SEQUENCE of known content length, filled front to back into an array of exactly its size.</summary>
    private ref struct Assembler
    {
        private readonly byte[] _bytes;
        private int _offset;

        public Assembler(int contentLength)
        {
            _bytes = new byte[HeaderLength(contentLength) + contentLength];
            WriteHeader(contentLength);
        }

        public void WriteHeader(int contentLength)
        {
            _bytes[_offset++] = 0x30;
            if (contentLength < 0x80)
            {
                _bytes[_offset++] = (byte)contentLength;
                return;
            }

            var octets = HeaderLength(contentLength) - 2;
            _bytes[_offset++] = (byte)(0x80 | octets);
            for (var shift = (octets - 1) * 8; shift >= 0; shift -= 8)
            {
                _bytes[_offset++] = (byte)(contentLength >> shift);
            }
        }

        public void Write(ReadOnlySpan<byte> content)
        {
            content.CopyTo(_bytes.AsSpan(_offset));
            _offset += content.Length;
        }

        public void Write(AsnWriter content) => _offset += content.Encode(_bytes.AsSpan(_offset));

        public readonly byte[] Done() =>
            _offset == _bytes.Length ? _bytes : throw new InvalidOperationException($"CRL encoding wrote {_offset} of {_bytes.Length} octets.");
    }
}
