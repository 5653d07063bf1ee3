using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Profile;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Authority;

/// <summary>
/// The delegated OCSP signing certificate (RFC 6960 §4.2.2.2): issued by the CA, id-kp-OCSPSigning, and
/// id-pkix-ocsp-nocheck so clients do not ask about the responder itself. Short-lived for that reason.
/// </summary>
internal static class ResponderCertificate
{
    /// <summary>The responder key's id in custody: it follows the certificate's serial, so each is found from the other.</summary>
    public static string KeyId(AuthorityProfile profile, CertificateSerial serial) =>
        $"{profile.Id}-ocsp-{serial.Hex.ToLowerInvariant()}";

    public static byte[] Create(
        AuthorityProfile profile, X509Certificate2 authority, KeySigner authoritySigner, PublicKey responderKey, CertificateSerial serial, DateTimeOffset now)
    {
        var request = new CertificateRequest(AuthorityNames.Responder(profile), responderKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(X509BasicConstraintsExtension.CreateForEndEntity());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(Oids.OcspSigning)], critical: false));
        request.CertificateExtensions.Add(new X509Extension(Oids.OcspNoCheck, [0x05, 0x00], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(responderKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        // A few minutes back for clients with slow clocks, never outside the CA's own validity.
        var notBefore = Max(Validity.ToSeconds(now - TimeSpan.FromMinutes(5)), authority.NotBefore.ToUniversalTime());
        var notAfter = Min(Validity.ToSeconds(now + profile.ResponderLifetime), authority.NotAfter.ToUniversalTime());
        return authoritySigner.Use(generator =>
        {
            using var certificate = request.Create(authority.SubjectName, generator, notBefore, notAfter, serial.ToByteArray());
            return certificate.RawData;
        });
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
