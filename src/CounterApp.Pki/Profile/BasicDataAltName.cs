using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Eras;
using CounterApp.Domain.Residents;

namespace CounterApp.Pki.Profile;

/// <summary>
/// subjectAltName with one otherName per basic data item (R-CE-02): <c>[0] { type-id, [0] EXPLICIT UTF8String }</c>,
/// in the order real JPKI certificates use: name, date of birth, sex, address.
/// </summary>
public static class BasicDataAltName
{
    private static readonly Asn1Tag OtherNameTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag ExplicitValueTag = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>The era codes of the register (住民基本台帳): 明治 1, 大正 2, 昭和 3, 平成 4, 令和 5.</summary>
    private static readonly Dictionary<string, int> EraCodes = new(StringComparer.Ordinal)
    {
        ["明治"] = 1,
        ["大正"] = 2,
        ["昭和"] = 3,
        ["平成"] = 4,
        ["令和"] = 5,
    };

    /// <summary>The extension for <paramref name="subject"/> (non-critical: the subject DN is not empty).</summary>
    public static X509Extension Create(CertificateSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WriteOtherName(writer, JpkiOids.Name, subject.Name);
            WriteOtherName(writer, JpkiOids.BirthDate, EncodeBirthDate(subject.BirthDate));
            WriteOtherName(writer, JpkiOids.Sex, EncodeSex(subject.Sex));
            WriteOtherName(writer, JpkiOids.Address, subject.Address);
        }

        return new X509Extension(Oids.SubjectAltName, writer.Encode(), critical: false);
    }

    /// <summary>"419900102": the era of the date (R-X-04's eras) as one digit, then yyyyMMdd.</summary>
    public static string EncodeBirthDate(DateOnly birthDate)
    {
        var (era, _) = JapaneseEraDate.EraOf(birthDate);
        return string.Create(CultureInfo.InvariantCulture, $"{EraCodes[era.Name]}{birthDate:yyyyMMdd}");
    }

    /// <summary>ISO/IEC 5218.</summary>
    public static string EncodeSex(Sex sex) => sex switch
    {
        Sex.Male => "1",
        Sex.Female => "2",
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "No ISO/IEC 5218 code."),
    };

    /// <summary>Reads the four items back from a certificate; null when it has no JPKI subjectAltName.</summary>
    /// <exception cref="CryptographicException">The extension is not well-formed DER.</exception>
    public static BasicData? Read(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var extension = certificate.Extensions[Oids.SubjectAltName];
        if (extension is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var names = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (names.HasData)
            {
                if (!names.PeekTag().HasSameClassAndValue(OtherNameTag))
                {
                    names.ReadEncodedValue();
                    continue;
                }

                var otherName = names.ReadSequence(OtherNameTag);
                var type = otherName.ReadObjectIdentifier();
                var value = otherName.ReadSequence(ExplicitValueTag);
                if (type.StartsWith(JpkiOids.Arc + ".", StringComparison.Ordinal) && value.PeekTag().HasSameClassAndValue(new Asn1Tag(UniversalTagNumber.UTF8String)))
                {
                    values[type] = value.ReadCharacterString(UniversalTagNumber.UTF8String);
                }
            }
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("The subjectAltName extension is not well-formed DER.", e);
        }

        return values.TryGetValue(JpkiOids.Name, out var name)
            ? new BasicData(name, values.GetValueOrDefault(JpkiOids.BirthDate, ""), values.GetValueOrDefault(JpkiOids.Sex, ""), values.GetValueOrDefault(JpkiOids.Address, ""))
            : null;
    }

    private static void WriteOtherName(AsnWriter writer, string type, string value)
    {
        using (writer.PushSequence(OtherNameTag))
        {
            writer.WriteObjectIdentifier(type);
            using (writer.PushSequence(ExplicitValueTag))
            {
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
            }
        }
    }
}
