using System.Security.Cryptography;
using CounterApp.Domain.Residents;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Issuance;
using CounterApp.Pki.Profile;

namespace CounterApp.Pki.Tests.Support;

/// <summary>Test data: 上市町's demo resident, the demo CA profile, and card keys generated once per run.</summary>
internal static class Given
{
    public static readonly Uri BaseUri = new("http://ca.test.invalid/");

    private static readonly Lazy<RSA[]> CardKeys = new(() => [RSA.Create(2048), RSA.Create(2048)]);

    /// <summary>The demo CA with a small PBKDF2 count elsewhere; here the profile only.</summary>
    public static AuthorityProfile Toyama => AuthorityProfile.Toyama(BaseUri);

    public static CertificateSubject Subject { get; } = new("上市町", "上市\u3000花子", new DateOnly(1990, 1, 2), Sex.Female, "富山県中新川郡上市町法音寺１番地");

    /// <summary>A card expiry far enough out that R-CE-03's three years are not capped.</summary>
    public static DateOnly FarCardExpiry => DateOnly.FromDateTime(DateTime.UtcNow).AddYears(8);

    /// <summary>A key pair as the card would hold it (two of them, generated once, reused: key generation is slow).</summary>
    public static RSA CardKey(int index = 0) => CardKeys.Value[index];

    public static SubscriberKey SubscriberKey(int index = 0) => Pki.Issuance.SubscriberKey.FromSubjectPublicKeyInfo(CardKey(index).ExportSubjectPublicKeyInfo());
}
