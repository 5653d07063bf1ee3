using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Authority;

/// <summary>Finds the stored responder and its key, or makes a new pair; the CA calls these under its responder lock.</summary>
internal static class ResponderKeys
{
    /// <summary>The latest stored responder if it is not due for renewal and its key is in custody; otherwise null.</summary>
    public static Responder? OpenStored(CertificateAuthority authority, IKeyCustody custody, DateTimeOffset now)
    {
        var stored = authority.Store.FindLatest(CertificateKind.OcspResponder);
        if (stored is null || stored.IsRevoked || now >= stored.NotAfter - authority.Profile.ResponderRenewBefore)
        {
            return null;
        }

        var key = custody.Open(ResponderCertificate.KeyId(authority.Profile, stored.Serial));
        if (key is null)
        {
            return null;
        }

        var signer = new KeySigner(key);
        var certificate = X509CertificateLoader.LoadCertificate(stored.Der.Span);
        if (signer.Matches(certificate))
        {
            return new Responder(certificate, signer);
        }

        signer.Dispose();
        certificate.Dispose();
        return null;
    }

    /// <summary>A new responder key in custody and a new delegated certificate for it.</summary>
    public static Responder Create(CertificateAuthority authority, IKeyCustody custody, DateTimeOffset now)
    {
        var serial = CertificateSerial.NewRandom();
        while (authority.Store.Find(serial) is not null)
        {
            serial = CertificateSerial.NewRandom();
        }

        var signer = new KeySigner(custody.Generate(ResponderCertificate.KeyId(authority.Profile, serial), authority.Profile.KeySizeInBits));
        try
        {
            var der = ResponderCertificate.Create(authority.Profile, authority.Certificate, authority.Signer, signer.PublicKey, serial, now);
            var certificate = X509CertificateLoader.LoadCertificate(der);
            var stored = new StoredCertificate(serial, CertificateKind.OcspResponder, der, new DateTimeOffset(certificate.NotBefore), new DateTimeOffset(certificate.NotAfter));
            if (!authority.Store.TryAdd(stored))
            {
                certificate.Dispose();
                throw new InvalidOperationException($"The certificate store refused the responder's serial {serial}.");
            }

            return new Responder(certificate, signer);
        }
        catch
        {
            signer.Dispose();
            throw;
        }
    }
}
