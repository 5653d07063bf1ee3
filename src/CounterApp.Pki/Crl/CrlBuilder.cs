using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Authority;

namespace CounterApp.Pki.Crl;

/// <summary>
/// A full v2 CRL: CRL number from the store, AKI, thisUpdate now, nextUpdate after the profile's lifetime, and a
/// reasonCode per entry (none for unspecified, as RFC 5280 §5.3.1 asks). Entries stay listed until the store forgets
/// them; a three-year certificate makes that list bounded. Encoded by <see cref="CrlEncoder"/>, linear in the entries
/// (a million-entry list is issue 4's benchmark).
/// </summary>
internal static class CrlBuilder
{
    public static CrlDocument Build(CertificateAuthority authority)
    {
        var revision = authority.RevocationRevision;
        var entries = CrlEncoder.EncodeEntries(authority.Store.ListRevoked(), out var count);
        var thisUpdate = Validity.ToSeconds(authority.Time.GetUtcNow());
        var nextUpdate = thisUpdate + authority.Profile.CrlLifetime;
        var number = authority.Store.NextCrlNumber();
        var akid = X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority.Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false);
        var der = authority.Signer.Use(generator =>
            CrlEncoder.Sign(generator, authority.Certificate.SubjectName, thisUpdate, nextUpdate, entries.Span, akid, number));
        return new CrlDocument(der, number, thisUpdate, nextUpdate, count, revision);
    }
}
