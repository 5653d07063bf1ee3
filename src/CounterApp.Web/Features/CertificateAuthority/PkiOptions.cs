using CounterApp.Pki.Authority;
using CounterApp.Web.Data;

namespace CounterApp.Web.Features.CertificateAuthority;

/// <summary>
/// Section "Pki": the prefectural CA this counter runs (demo: 富山県知事, id toyama) and how its key is kept.
/// The CA is created on first run; the settings that go into its certificate (prefecture, governor) matter only then.
/// </summary>
public sealed class PkiOptions
{
    public const string Section = "Pki";

    /// <summary>/ca/{id}.cer, /crl/{id}.crl and the key file names: 1–32 of a–z, 0–9, '-'.</summary>
    public string AuthorityId { get; set; } = "toyama";

    public string Prefecture { get; set; } = "富山県";

    /// <summary>The governor the CA is named for (its CN).</summary>
    public string Governor { get; set; } = "富山県知事";

    /// <summary>Where relying parties reach this app; the CRL, OCSP and caIssuers URLs in every certificate hang below it.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080/";

    /// <summary>The certificate policy OID in subscriber certificates; the demo OID (2.999 arc) when not set.</summary>
    public string? PolicyOid { get; set; }

    public int KeySizeInBits { get; set; } = 2048;

    /// <summary>The folder of the encrypted key files; default <c>keys</c> in the data folder (Database:DataDirectory).</summary>
    public string? KeyFolder { get; set; }

    /// <summary>
    /// The passphrase that encrypts the CA's keys (at least 12 characters). From configuration (environment, secret
    /// store), never from a committed file. Required on PostgreSQL; on the embedded default a generated one is used.
    /// </summary>
    public string? KeyPassphrase { get; set; }

    /// <summary>A file holding the passphrase instead (a mounted secret). On the embedded default, when neither is
    /// given, <c>pki-key-passphrase</c> in the data folder, generated at first run with mode 0600.</summary>
    public string? KeyPassphraseFile { get; set; }

    /// <summary>nextUpdate − thisUpdate of every CRL; the CRL is re-signed at half of it.</summary>
    public TimeSpan CrlLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan OcspResponseLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the CRL is checked: re-signed at half-life, or when another process revoked something.</summary>
    public TimeSpan CrlCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest an HTTP cache may keep /crl/{id}.crl (never past its nextUpdate), so a new list reaches
    /// clients behind proxies within the same few minutes a revocation takes to reach the list.</summary>
    public TimeSpan CrlHttpMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often pending revocation requests (register sync, R-RV-02) are carried out.</summary>
    public TimeSpan RevocationPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The passphrase file used when none is configured on the embedded default.</summary>
    public static string GeneratedPassphraseFile(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Path.GetFullPath(Path.Combine(database.DataDirectory, "pki-key-passphrase"));
    }

    public string EffectiveKeyFolder(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Path.GetFullPath(KeyFolder is { Length: > 0 } folder ? folder : Path.Combine(database.DataDirectory, "keys"));
    }

    /// <summary>The library's profile for these settings; <see cref="AuthorityProfile.Validate"/> names a bad one.</summary>
    public AuthorityProfile ToProfile() => new()
    {
        Id = AuthorityId,
        Prefecture = Prefecture,
        Governor = Governor,
        PublicBaseUri = Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri : null!,
        PolicyOid = PolicyOid is { Length: > 0 } oid ? oid : AuthorityProfile.DemoPolicyOid,
        KeySizeInBits = KeySizeInBits,
        CrlLifetime = CrlLifetime,
        OcspResponseLifetime = OcspResponseLifetime,
    };
}
