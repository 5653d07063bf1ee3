using System.Text.RegularExpressions;

namespace CounterApp.Pki.Authority;

/// <summary>
/// One prefectural CA's settings. Checked by <see cref="Validate"/> when the CA opens, so a bad configuration stops
/// the app at start-up with the field named, not at the first issuance.
/// </summary>
public sealed partial record AuthorityProfile
{
    /// <summary>
    /// The demo policy OID. 2.999 is the joint ISO/ITU-T example arc (X.660), so the demo never claims a real
    /// certificate policy; a deployment configures the OID of its own CP.
    /// </summary>
    public const string DemoPolicyOid = "2.999.392.200149.1";

    /// <summary>The URL-safe id: /ca/{id}.cer, /crl/{id}.crl, and the key ids in custody (demo: toyama).</summary>
    public required string Id { get; init; }

    /// <summary>The prefecture (e.g. 富山県): the CA's and every subscriber's ST.</summary>
    public required string Prefecture { get; init; }

    /// <summary>The governor the CA is named for (e.g. 富山県知事): the CA's CN.</summary>
    public required string Governor { get; init; }

    /// <summary>The organisation in the CA's name.</summary>
    public string Organization { get; init; } = "公的個人認証サービス";

    /// <summary>Where this system is reached by relying parties; CRL, OCSP and caIssuers URLs hang below it. Plain http is
    /// the norm for these (RFC 5280 §4.2.1.13): the objects are signed, and https would loop on its own revocation check.</summary>
    public required Uri PublicBaseUri { get; init; }

    /// <summary>The certificate policy written into every subscriber certificate.</summary>
    public string PolicyOid { get; init; } = DemoPolicyOid;

    /// <summary>RSA modulus size of the CA and responder keys when they are first created.</summary>
    public int KeySizeInBits { get; init; } = 2048;

    /// <summary>How long the self-signed CA certificate runs; at least a subscriber's three years and one more.</summary>
    public int AuthorityValidityYears { get; init; } = 20;

    /// <summary>How long a delegated OCSP signing certificate runs; it carries ocsp-nocheck, so keep it short.</summary>
    public TimeSpan ResponderLifetime { get; init; } = TimeSpan.FromDays(90);

    /// <summary>A responder certificate with less than this left is replaced by a new one (and a new key).</summary>
    public TimeSpan ResponderRenewBefore { get; init; } = TimeSpan.FromDays(30);

    /// <summary>nextUpdate − thisUpdate of every CRL (default 24 h).</summary>
    public TimeSpan CrlLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>nextUpdate − thisUpdate of every OCSP answer; relying parties may cache that long.</summary>
    public TimeSpan OcspResponseLifetime { get; init; } = TimeSpan.FromHours(1);

    public Uri CertificateUri => new(PublicBaseUri, $"ca/{Id}.cer");

    public Uri CrlUri => new(PublicBaseUri, $"crl/{Id}.crl");

    public Uri OcspUri => new(PublicBaseUri, "ocsp");

    /// <summary>The key id of the CA key in custody.</summary>
    public string AuthorityKeyId => $"{Id}-ca";

    /// <summary>富山県知事's CA, the demo: id <c>toyama</c>.</summary>
    public static AuthorityProfile Toyama(Uri publicBaseUri) => new()
    {
        Id = "toyama",
        Prefecture = "富山県",
        Governor = "富山県知事",
        PublicBaseUri = publicBaseUri,
    };

    /// <exception cref="ArgumentException">A setting is unusable; the message names it.</exception>
    public void Validate()
    {
        if (Id is null || !IdPattern().IsMatch(Id))
        {
            throw new ArgumentException($"{nameof(Id)} '{Id}' must be 1–32 of a–z, 0–9 and '-', starting with a letter.", nameof(Id));
        }

        Require(!string.IsNullOrWhiteSpace(Prefecture), nameof(Prefecture), "must not be blank");
        Require(!string.IsNullOrWhiteSpace(Governor), nameof(Governor), "must not be blank");
        Require(!string.IsNullOrWhiteSpace(Organization), nameof(Organization), "must not be blank");
        Require(
            PublicBaseUri is { IsAbsoluteUri: true } && (PublicBaseUri.Scheme == Uri.UriSchemeHttp || PublicBaseUri.Scheme == Uri.UriSchemeHttps)
                && PublicBaseUri.AbsolutePath.EndsWith('/') && string.IsNullOrEmpty(PublicBaseUri.Query),
            nameof(PublicBaseUri),
            "must be an absolute http(s) URL ending in '/', without a query");
        Require(PolicyOid is not null && OidPattern().IsMatch(PolicyOid), nameof(PolicyOid), "must be a dotted object identifier such as 1.2.392.x");
        Require(KeySizeInBits is >= 2048 and <= 8192 && KeySizeInBits % 256 == 0, nameof(KeySizeInBits), "must be 2048–8192, a multiple of 256");
        Require(AuthorityValidityYears is >= 4 and <= 30, nameof(AuthorityValidityYears), "must be 4–30 (a subscriber runs three years)");
        Require(ResponderLifetime >= TimeSpan.FromDays(1) && ResponderLifetime <= TimeSpan.FromDays(366), nameof(ResponderLifetime), "must be 1–366 days");
        Require(ResponderRenewBefore > TimeSpan.Zero && ResponderRenewBefore < ResponderLifetime, nameof(ResponderRenewBefore), "must be positive and shorter than the lifetime");
        Require(CrlLifetime >= TimeSpan.FromMinutes(10) && CrlLifetime <= TimeSpan.FromDays(31), nameof(CrlLifetime), "must be 10 minutes to 31 days");
        Require(OcspResponseLifetime >= TimeSpan.FromMinutes(1) && OcspResponseLifetime <= TimeSpan.FromDays(7), nameof(OcspResponseLifetime), "must be 1 minute to 7 days");
    }

    private static void Require(bool condition, string field, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field} {rule}.", field);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-2](\.(0|[1-9][0-9]{0,17})){1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex OidPattern();
}
