using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Profile;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Authority;

/// <summary>
/// A CA certificate for another CA's name and key, signed by this CA (JPKI's bridge CA cross-certifies the prefectural
/// CAs this way). It keeps the other CA's SKI so chains build by key identifier, and carries this CA's CRL point.
/// </summary>
internal static class CrossCertificate
{
    public static X509Certificate2 Issue(CertificateAuthority issuer, X509Certificate2 other, DateTimeOffset notAfter, int? pathLength)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Extensions[Oids.BasicConstraints] is not X509BasicConstraintsExtension { CertificateAuthority: true })
        {
            throw new ArgumentException("Only a CA certificate (basicConstraints CA:TRUE) can be cross-certified.", nameof(other));
        }

        if (issuer.Signer.Matches(other))
        {
            throw new ArgumentException("A CA does not cross-certify its own key.", nameof(other));
        }

        if (pathLength is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pathLength), pathLength, "A path length constraint cannot be negative.");
        }

        var now = issuer.Time.GetUtcNow();
        var notBefore = Validity.ToSeconds(now - TimeSpan.FromMinutes(5));
        var end = Validity.ToSeconds(new[] { notAfter, new DateTimeOffset(issuer.Certificate.NotAfter), new DateTimeOffset(other.NotAfter) }.Min());
        if (end <= notBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(notAfter), notAfter, "The cross-certificate would end before it starts.");
        }

        var request = new CertificateRequest(other.SubjectName, other.PublicKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, pathLength.HasValue, pathLength ?? 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(other.Extensions[Oids.SubjectKeyIdentifier] as X509SubjectKeyIdentifierExtension
            ?? new X509SubjectKeyIdentifierExtension(other.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([issuer.Profile.CrlUri.AbsoluteUri]));

        var (_, stored) = UniqueSerials.SignAndStore(issuer.Store, CertificateKind.CrossCertificate, serial => issuer.Signer.Use(generator =>
        {
            using var certificate = request.Create(issuer.Certificate.SubjectName, generator, notBefore, end, serial.ToByteArray());
            return certificate.RawData;
        }));
        return X509CertificateLoader.LoadCertificate(stored.Der.Span);
    }
}
