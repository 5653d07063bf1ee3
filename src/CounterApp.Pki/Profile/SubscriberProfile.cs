using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Profile;

/// <summary>
/// R-CE-02, the resident's signing certificate: subject C=JP, ST=prefecture, L=municipality, CN=serial (unique by
/// construction); the four basic data items in subjectAltName; digitalSignature + nonRepudiation (critical); the
/// configured certificate policy; the CRL distribution point; OCSP and caIssuers in AIA; SKI and AKI.
/// The signature is sha256WithRSAEncryption (the CA's signer).
/// </summary>
internal static class SubscriberProfile
{
    public static CertificateRequest CreateRequest(
        AuthorityProfile profile, X509Certificate2 authority, CertificateSubject subject, PublicKey key, CertificateSerial serial)
    {
        var request = new CertificateRequest(SubjectName(profile, subject, serial), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var extensions = request.CertificateExtensions;
        extensions.Add(X509BasicConstraintsExtension.CreateForEndEntity());
        extensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        extensions.Add(BasicDataAltName.Create(subject));
        extensions.Add(CertificatePolicies.Create(profile.PolicyOid));
        extensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([profile.CrlUri.AbsoluteUri]));
        extensions.Add(new X509AuthorityInformationAccessExtension([profile.OcspUri.AbsoluteUri], [profile.CertificateUri.AbsoluteUri]));
        extensions.Add(new X509SubjectKeyIdentifierExtension(key, critical: false));
        extensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        return request;
    }

    public static X500DistinguishedName SubjectName(AuthorityProfile profile, CertificateSubject subject, CertificateSerial serial)
    {
        // Added from CN up to C: the builder encodes the last RDN added first, and DER must start with C=JP.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(serial.Hex);
        builder.AddLocalityName(subject.Municipality);
        builder.AddStateOrProvinceName(profile.Prefecture);
        builder.AddCountryOrRegion("JP");
        return builder.Build();
    }
}
