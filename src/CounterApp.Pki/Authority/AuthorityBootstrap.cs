using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Time;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Authority;

/// <summary>
/// Opens a CA from its store and custody, creating key and self-signed certificate on first use. A store that has a
/// CA certificate but a custody without its key (or with another key) stops start-up: the CA never silently re-keys.
/// </summary>
internal static class AuthorityBootstrap
{
    public static CertificateAuthority OpenOrCreate(AuthorityProfile profile, IKeyCustody custody, ICertificateStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(custody);
        ArgumentNullException.ThrowIfNull(store);
        profile.Validate();

        var existing = store.FindLatest(CertificateKind.Authority);
        var key = custody.Open(profile.AuthorityKeyId);
        if (existing is not null && key is null)
        {
            throw new KeyCustodyException(
                $"The store has CA certificate {existing.Serial} for '{profile.Id}', but custody has no key '{profile.AuthorityKeyId}'.");
        }

        // A key without a certificate is a first run that stopped half-way: the key is reused.
        var signer = new KeySigner(key ?? custody.Generate(profile.AuthorityKeyId, profile.KeySizeInBits));
        X509Certificate2? certificate = null;
        try
        {
            var stored = existing ?? UniqueSerials.SignAndStore(
                store, CertificateKind.Authority, serial => SelfSignedCertificate.Create(profile, signer, TokyoClock.Today(time), serial)).Stored;
            certificate = X509CertificateLoader.LoadCertificate(stored.Der.Span);
            if (!signer.Matches(certificate))
            {
                throw new KeyCustodyException(
                    $"The key '{profile.AuthorityKeyId}' in custody does not match CA certificate {stored.Serial} in the store.");
            }

            var authority = new CertificateAuthority(profile, certificate, signer, custody, store, time);

            // Open or create the responder now, so a custody problem stops start-up instead of the first OCSP answer.
            authority.CurrentResponder();
            return authority;
        }
        catch
        {
            certificate?.Dispose();
            signer.Dispose();
            throw;
        }
    }
}
