using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Authority;

/// <summary>
/// The CA's self-signed certificate: CA:TRUE (critical, no path length so the CA can cross-certify), keyCertSign and
/// cRLSign (critical), SKI, and an AKI equal to it, which RFC 5280 allows and strict verifiers like.
/// </summary>
internal static class SelfSignedCertificate
{
    public static byte[] Create(AuthorityProfile profile, KeySigner signer, DateOnly today, CertificateSerial serial)
    {
        var name = AuthorityNames.Authority(profile);
        var request = new CertificateRequest(name, signer.PublicKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var ski = new X509SubjectKeyIdentifierExtension(signer.PublicKey, critical: false);
        request.CertificateExtensions.Add(X509BasicConstraintsExtension.CreateForCertificateAuthority());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(ski);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski));

        var notBefore = Validity.StartOf(today);
        var notAfter = Validity.EndOf(today.AddYears(profile.AuthorityValidityYears).AddDays(-1));
        return signer.Use(generator =>
        {
            using var certificate = request.Create(name, generator, notBefore, notAfter, serial.ToByteArray());
            return certificate.RawData;
        });
    }
}
