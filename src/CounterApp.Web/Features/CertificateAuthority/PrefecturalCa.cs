using System.Security.Cryptography;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Fingerprints;
using CounterApp.Pki.Ocsp;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Pki;
using CounterApp.Web.Hosting;
using Microsoft.Extensions.Options;
using Authority = CounterApp.Pki.Authority.CertificateAuthority;

namespace CounterApp.Web.Features.CertificateAuthority;

/// <summary>
/// The prefectural CA this app runs, open for the app's lifetime (a singleton): the CA itself on the database store,
/// its OCSP responder and its CRL. <see cref="Open"/> runs at start-up (after the schema migration) and creates the CA
/// on first run; a key that cannot be opened, or a store whose CA has no key, stops start-up (the CA never re-keys).
/// </summary>
public sealed partial class PrefecturalCa(
    IOptions<PkiOptions> options, IOptions<DatabaseOptions> database, PkiDbContexts contexts, RealClock time, ILogger<PrefecturalCa> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private Opened? _opened;

    /// <summary>The CA's id, as in /ca/{id}.cer.</summary>
    public string Id => options.Value.AuthorityId;

    public Authority Authority => Current.Authority;

    public EfCertificateStore Store => Current.Store;

    public OcspResponder Responder => Current.Responder;

    /// <summary>/ocsp: decodes once, answers for this CA (another CA's certificate is unauthorized).</summary>
    public OcspEndpoint Ocsp => Current.Ocsp;

    public OcspOptions OcspOptions => Current.Responder.Options;

    public CrlDistribution Crl => Current.Crl;

    /// <summary>The CA certificate (DER) and its entity tag, as /ca/{id}.cer serves them.</summary>
    public ReadOnlyMemory<byte> CertificateDer => Current.CertificateDer;

    public string CertificateETag => Current.CertificateETag;

    public bool IsOpen => Volatile.Read(ref _opened) is not null;

    private Opened Current => Volatile.Read(ref _opened) ?? throw new InvalidOperationException("The CA is not open yet; PkiStartup opens it at start-up.");

    /// <summary>True when <paramref name="id"/> names this CA.</summary>
    public bool Serves(string? id) => string.Equals(id, Id, StringComparison.Ordinal);

    /// <summary>Opens the CA (creating it on first run). Idempotent.</summary>
    public void Open()
    {
        lock (_lock)
        {
            if (_opened is not null)
            {
                return;
            }

            var settings = options.Value;
            var profile = settings.ToProfile();
            var passphrase = CaKeyPassphrase.Resolve(settings, database.Value, logger);
            EncryptedPkcs8FileCustody custody;
            try
            {
                custody = new EncryptedPkcs8FileCustody(settings.EffectiveKeyFolder(database.Value), passphrase);
            }
            finally
            {
                Array.Clear(passphrase);
            }

            try
            {
                var store = new EfCertificateStore(contexts, profile.Id);
                var authority = Authority.OpenOrCreate(profile, custody, store, time);
                var responder = new OcspResponder(authority);
                var der = authority.Certificate.RawData;
                var opened = new Opened(
                    authority, custody, store, responder, new OcspEndpoint([responder], responder.Options), new CrlDistribution(authority, store, time, logger), der,
                    $"\"{Convert.ToHexStringLower(SHA256.HashData(der))[..32]}\"");
                Volatile.Write(ref _opened, opened);
                var fingerprint = authority.Fingerprint(FingerprintAlgorithm.Sha256).Grouped;
                LogOpened(logger, profile.Id, profile.Governor, fingerprint, custody.Directory);
            }
            catch
            {
                custody.Dispose();
                throw;
            }
        }
    }

    public void Dispose()
    {
        var opened = Interlocked.Exchange(ref _opened, null);
        opened?.Authority.Dispose();
        opened?.Custody.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CA {Id} ({Governor}) open; SHA-256 fingerprint {Fingerprint}; keys in {KeyFolder}")]
    private static partial void LogOpened(ILogger logger, string id, string governor, string fingerprint, string keyFolder);

    private sealed record Opened(
        Authority Authority,
        EncryptedPkcs8FileCustody Custody,
        EfCertificateStore Store,
        OcspResponder Responder,
        OcspEndpoint Ocsp,
        CrlDistribution Crl,
        ReadOnlyMemory<byte> CertificateDer,
        string CertificateETag);
}
