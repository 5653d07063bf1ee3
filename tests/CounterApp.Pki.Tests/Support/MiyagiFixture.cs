using CounterApp.Pki.Authority;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Store;

[assembly: AssemblyFixture(typeof(CounterApp.Pki.Tests.Support.MiyagiFixture))]

namespace CounterApp.Pki.Tests.Support;

/// <summary>
/// A second CA with every setting changed from the defaults (宮城県知事, RSA-3072, its own policy OID, base URL, CRL and
/// OCSP lifetimes): proves the configurable parts, and plays the other CA in cross-certification and routing tests.
/// </summary>
public sealed class MiyagiFixture : IDisposable
{
    public const string PolicyOid = "1.2.392.200149.8.5.1.3.99";

    public MiyagiFixture()
    {
        Profile = new AuthorityProfile
        {
            Id = "miyagi",
            Prefecture = "宮城県",
            Governor = "宮城県知事",
            PublicBaseUri = new Uri("http://pki.example.lg.jp/miyagi-ca/"),
            PolicyOid = PolicyOid,
            KeySizeInBits = 3072,
            CrlLifetime = TimeSpan.FromHours(6),
            OcspResponseLifetime = TimeSpan.FromMinutes(10),
        };
        Authority = CertificateAuthority.OpenOrCreate(Profile, new InMemoryKeyCustody(), new InMemoryCertificateStore(), TimeProvider.System);
        Responder = new OcspResponder(Authority);
    }

    public AuthorityProfile Profile { get; }

    public CertificateAuthority Authority { get; }

    public OcspResponder Responder { get; }

    public void Dispose() => Authority.Dispose();
}
