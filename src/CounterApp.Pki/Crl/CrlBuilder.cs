using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Authority;

namespace CounterApp.Pki.Crl;

/// <summary>
/// A full v2 CRL on the BCL's <see cref="CertificateRevocationListBuilder"/>: CRL number from the store, AKI,
/// thisUpdate now, nextUpdate after the profile's lifetime, and a reasonCode per entry (none for unspecified, as RFC 5280
/// §5.3.1 asks). Entries stay listed until the store forgets them; a three-year certificate makes that list bounded.
/// </summary>
internal static class CrlBuilder
{
    public static CrlDocument Build(CertificateAuthority authority)
    {
        var revision = authority.RevocationRevision;
        var builder = new CertificateRevocationListBuilder();
        var count = 0;
        foreach (var entry in authority.Store.ListRevoked())
        {
            builder.AddEntry(entry.Serial.ToByteArray(), entry.RevokedAt, ToX509(entry.Reason));
            count++;
        }

        var thisUpdate = Validity.ToSeconds(authority.Time.GetUtcNow());
        var nextUpdate = thisUpdate + authority.Profile.CrlLifetime;
        var number = authority.Store.NextCrlNumber();
        var akid = X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority.Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false);
        var der = authority.Signer.Use(generator =>
            builder.Build(authority.Certificate.SubjectName, generator, number, nextUpdate, HashAlgorithmName.SHA256, akid, thisUpdate));
        return new CrlDocument(der, number, thisUpdate, nextUpdate, count, revision);
    }

    private static X509RevocationReason? ToX509(RevocationReason reason) => reason switch
    {
        RevocationReason.Unspecified => null,
        RevocationReason.KeyCompromise => X509RevocationReason.KeyCompromise,
        RevocationReason.AffiliationChanged => X509RevocationReason.AffiliationChanged,
        RevocationReason.Superseded => X509RevocationReason.Superseded,
        RevocationReason.CessationOfOperation => X509RevocationReason.CessationOfOperation,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a reason the counter uses."),
    };
}
