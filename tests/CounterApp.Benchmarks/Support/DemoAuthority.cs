using System.Security.Cryptography;
using CounterApp.Domain.Residents;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Issuance;
using CounterApp.Pki.Profile;
using CounterApp.Pki.Store;

namespace CounterApp.Benchmarks.Support;

/// <summary>
/// The demo CA (富山県知事, id toyama, RSA-2048) on keys and a store in memory, as the library's tests make it, with the
/// resident and card key the suites issue for.
/// </summary>
internal sealed class DemoAuthority : IDisposable
{
    private readonly InMemoryKeyCustody _custody = new();

    public DemoAuthority()
    {
        Authority = CertificateAuthority.OpenOrCreate(Profile, _custody, Store, TimeProvider.System);
        using var cardKey = RSA.Create(2048);
        CardKey = SubscriberKey.FromSubjectPublicKeyInfo(cardKey.ExportSubjectPublicKeyInfo());
    }

    public static AuthorityProfile Profile { get; } = AuthorityProfile.Toyama(new Uri("http://localhost:5080/"));

    public static CertificateSubject Subject { get; } = new("上市町", "上市\u3000花子", new DateOnly(1990, 1, 2), Sex.Female, "富山県中新川郡上市町法音寺１番地");

    /// <summary>Far enough out that R-CE-03's three years are not capped by the card.</summary>
    public static DateOnly CardExpiry { get; } = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(8);

    public InMemoryCertificateStore Store { get; } = new();

    public CertificateAuthority Authority { get; }

    /// <summary>A card's public key, as the card would hand it over (SubjectPublicKeyInfo).</summary>
    public SubscriberKey CardKey { get; }

    /// <summary>The CA key as unencrypted PKCS#8 PEM, for OpenSSL to sign the same CRL with the same key.</summary>
    public string ExportAuthorityKeyPem()
    {
        using var key = _custody.Open(Profile.AuthorityKeyId) ?? throw new InvalidOperationException("The CA key is not in custody.");
        return key.ExportPkcs8PrivateKeyPem();
    }

    public void Dispose() => Authority.Dispose();
}
