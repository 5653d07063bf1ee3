using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Pki.Issuance;

/// <summary>
/// The public key the card generated (R-CE-01), checked before anything is signed: from a bare SubjectPublicKeyInfo or
/// from a PKCS#10 request whose signature must verify (proof that the request came from the holder of the key).
/// Only the key is taken from a request; the subject and extensions always come from the register (R-CE-02).
/// </summary>
public sealed class SubscriberKey
{
    public const int MinimumKeySize = 2048;
    public const int MaximumKeySize = 8192;
    private const string RsaOid = "1.2.840.113549.1.1.1";

    private SubscriberKey(PublicKey publicKey, int keySizeInBits)
    {
        PublicKey = publicKey;
        KeySizeInBits = keySizeInBits;
    }

    public int KeySizeInBits { get; }

    internal PublicKey PublicKey { get; }

    /// <exception cref="CertificateRequestRejectedException">Malformed, not RSA, or an unacceptable key.</exception>
    public static SubscriberKey FromSubjectPublicKeyInfo(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        PublicKey key;
        try
        {
            key = PublicKey.CreateFromSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            if (read != subjectPublicKeyInfo.Length)
            {
                throw new CertificateRequestRejectedException(RequestRejection.Malformed, "The public key has trailing bytes after its SubjectPublicKeyInfo.");
            }
        }
        catch (CryptographicException e)
        {
            throw new CertificateRequestRejectedException(RequestRejection.Malformed, "The public key is not a well-formed SubjectPublicKeyInfo.", e);
        }

        return Checked(key);
    }

    /// <summary>From a DER PKCS#10 CertificationRequest; its signature is verified first.</summary>
    /// <exception cref="CertificateRequestRejectedException">Malformed, bad signature, not RSA, or an unacceptable key.</exception>
    public static SubscriberKey FromPkcs10(ReadOnlySpan<byte> pkcs10)
    {
        CertificateRequest parsed;
        try
        {
            parsed = CertificateRequest.LoadSigningRequest(pkcs10, HashAlgorithmName.SHA256, out var read, CertificateRequestLoadOptions.SkipSignatureValidation);
            if (read != pkcs10.Length)
            {
                throw new CertificateRequestRejectedException(RequestRejection.Malformed, "The PKCS#10 request has trailing bytes after it.");
            }
        }
        catch (CryptographicException e)
        {
            throw new CertificateRequestRejectedException(RequestRejection.Malformed, "The PKCS#10 request is not well-formed DER.", e);
        }

        try
        {
            CertificateRequest.LoadSigningRequest(pkcs10, HashAlgorithmName.SHA256, out _, CertificateRequestLoadOptions.Default);
        }
        catch (CryptographicException e)
        {
            throw new CertificateRequestRejectedException(
                RequestRejection.BadSignature,
                "The PKCS#10 request's signature does not verify with its own public key: it was altered or not signed by the card's key. Nothing was issued.",
                e);
        }

        return Checked(parsed.PublicKey);
    }

    /// <summary>From a PEM "CERTIFICATE REQUEST", as <c>openssl req</c> writes it.</summary>
    public static SubscriberKey FromPkcs10Pem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not "CERTIFICATE REQUEST" and not "NEW CERTIFICATE REQUEST")
        {
            throw new CertificateRequestRejectedException(RequestRejection.Malformed, "No PEM \"CERTIFICATE REQUEST\" block was found.");
        }

        return FromPkcs10(Convert.FromBase64String(pem[fields.Base64Data]));
    }

    /// <summary>The key as DER SubjectPublicKeyInfo.</summary>
    public byte[] ExportSubjectPublicKeyInfo() => PublicKey.ExportSubjectPublicKeyInfo();

    private static SubscriberKey Checked(PublicKey key)
    {
        if (key.Oid.Value != RsaOid)
        {
            throw new CertificateRequestRejectedException(
                RequestRejection.UnsupportedKeyAlgorithm, $"The key is {key.Oid.FriendlyName ?? key.Oid.Value}, not RSA; the card generates RSA keys (R-CE-01).");
        }

        RSAParameters parameters;
        try
        {
            using var rsa = key.GetRSAPublicKey() ?? throw new CryptographicException("No RSA key.");
            parameters = rsa.ExportParameters(includePrivateParameters: false);
        }
        catch (CryptographicException e)
        {
            throw new CertificateRequestRejectedException(RequestRejection.Malformed, "The RSA public key cannot be read.", e);
        }

        var modulus = new BigInteger(parameters.Modulus, isUnsigned: true, isBigEndian: true);
        var exponent = new BigInteger(parameters.Exponent, isUnsigned: true, isBigEndian: true);
        var bits = (int)modulus.GetBitLength();
        if (bits is < MinimumKeySize or > MaximumKeySize)
        {
            throw new CertificateRequestRejectedException(
                RequestRejection.UnacceptableKey, $"The RSA key has {bits} bits; {MinimumKeySize}–{MaximumKeySize} are accepted.");
        }

        if (exponent < 3 || exponent.IsEven || modulus.IsEven)
        {
            throw new CertificateRequestRejectedException(RequestRejection.UnacceptableKey, "The RSA key's modulus or public exponent is not usable.");
        }

        return new SubscriberKey(key, bits);
    }
}
