using System.Formats.Asn1;
using System.Security.Cryptography;

namespace CounterApp.Card.Profile;

/// <summary>
/// The RSA public key as GENERATE KEY PAIR answers it (ISO 7816-8 template 7F49: 81 modulus, 82 exponent).
/// </summary>
public sealed record PublicKeyTemplate(byte[] Modulus, byte[] Exponent)
{
    private static readonly Asn1Tag Template = new(TagClass.Application, 73, isConstructed: true);
    private static readonly Asn1Tag ModulusTag = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag ExponentTag = new(TagClass.ContextSpecific, 2);

    public static PublicKeyTemplate FromParameters(RSAParameters parameters) =>
        new(parameters.Modulus ?? throw new ArgumentException("No modulus.", nameof(parameters)),
            parameters.Exponent ?? throw new ArgumentException("No exponent.", nameof(parameters)));

    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(Template))
        {
            writer.WriteOctetString(Modulus, ModulusTag);
            writer.WriteOctetString(Exponent, ExponentTag);
        }

        return writer.Encode();
    }

    /// <exception cref="AsnContentException">Not a 7F49 template with a modulus and an exponent.</exception>
    public static PublicKeyTemplate Decode(ReadOnlyMemory<byte> encoded)
    {
        var reader = new AsnReader(encoded, AsnEncodingRules.DER);
        var template = reader.ReadSequence(Template);
        var modulus = template.ReadOctetString(ModulusTag);
        var exponent = template.ReadOctetString(ExponentTag);
        template.ThrowIfNotEmpty();
        reader.ThrowIfNotEmpty();
        return new PublicKeyTemplate(modulus, exponent);
    }

    public RSA ToRsa()
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Modulus, Exponent = Exponent });
        return rsa;
    }

    /// <summary>The DER SubjectPublicKeyInfo, the form a certificate request or the CA takes.</summary>
    public byte[] ToSubjectPublicKeyInfo()
    {
        using var rsa = ToRsa();
        return rsa.ExportSubjectPublicKeyInfo();
    }

    /// <summary>True when <paramref name="other"/> is the same key.</summary>
    public bool SameKeyAs(RSAParameters other) =>
        other.Modulus is not null && other.Exponent is not null
        && Modulus.AsSpan().SequenceEqual(other.Modulus) && Exponent.AsSpan().SequenceEqual(other.Exponent);
}
