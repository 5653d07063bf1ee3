using CounterApp.Pki.Authority;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Issuance;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Store;

[assembly: AssemblyFixture(typeof(CounterApp.Pki.Tests.Support.AuthorityFixture))]

namespace CounterApp.Pki.Tests.Support;

/// <summary>
/// The demo CA (富山県知事, id toyama) on the real clock, shared by the tests that only issue, revoke and read: creating
/// a CA generates two RSA keys, which is the slow part of this suite. Tests that move time or break custody make their own.
/// </summary>
public sealed class AuthorityFixture : IDisposable
{
    public AuthorityFixture()
    {
        Store = new InMemoryCertificateStore();
        Authority = CertificateAuthority.OpenOrCreate(Given.Toyama, new InMemoryKeyCustody(), Store, TimeProvider.System);
        Responder = new OcspResponder(Authority);
    }

    public CertificateAuthority Authority { get; }

    public InMemoryCertificateStore Store { get; }

    public OcspResponder Responder { get; }

    /// <summary>A fresh certificate for the demo resident on card key <paramref name="keyIndex"/>.</summary>
    public IssuedCertificate Issue(int keyIndex = 0) => Authority.Issue(Given.Subject, Given.SubscriberKey(keyIndex), Given.FarCardExpiry);

    public void Dispose() => Authority.Dispose();
}
