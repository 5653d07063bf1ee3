using System.Diagnostics.CodeAnalysis;
using CounterApp.Pki.Crl;
using CounterApp.Web.Data.Pki;
using Authority = CounterApp.Pki.Authority.CertificateAuthority;

namespace CounterApp.Web.Features.CertificateAuthority;

/// <summary>
/// The CRL served at /crl/{id}.crl. The library's <see cref="CrlPublisher"/> re-signs at half-life and after every
/// revocation made through this process's CA. <see cref="Check"/> (run by <see cref="CrlRefreshService"/> every
/// minute) adds what one process cannot see: a revocation committed by another process, or one whose transaction
/// committed after a list was signed, shows as more revoked rows than the list has entries, and the list is
/// re-signed. When signing fails (database down), the last list is served until its nextUpdate.
/// </summary>
public sealed partial class CrlDistribution(Authority authority, EfCertificateStore store, TimeProvider time, ILogger logger)
{
    private CrlPublisher _publisher = new(authority);
    private CrlDocument? _lastGood;

    /// <summary>The list to serve now (re-signed if stale).</summary>
    /// <exception cref="InvalidOperationException">It cannot be signed and no earlier list is still valid.</exception>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failed re-sign serves the last valid list; the failure is logged.")]
    public CrlDocument Current()
    {
        try
        {
            var document = Volatile.Read(ref _publisher).Current();
            Volatile.Write(ref _lastGood, document);
            return document;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var last = Volatile.Read(ref _lastGood);
            LogSignFailed(logger, store.AuthorityId, last is not null, e);
            if (last is not null && time.GetUtcNow() < last.NextUpdate)
            {
                return last;
            }

            throw new InvalidOperationException($"The CRL of CA {store.AuthorityId} cannot be signed now and no earlier list is still valid.", e);
        }
    }

    /// <summary>Re-signs when the list is stale or misses revocations in the database; true when a new list was signed.</summary>
    public bool Check()
    {
        var before = Volatile.Read(ref _lastGood);
        var current = Current();
        if (store.CountRevoked() != current.EntryCount)
        {
            // A fresh publisher has no list yet, so its first Current() signs one from the database.
            Volatile.Write(ref _publisher, new CrlPublisher(authority));
            current = Current();
        }

        return !ReferenceEquals(before, current);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not sign the CRL of CA {Id}; serving the previous list: {HavePrevious}")]
    private static partial void LogSignFailed(ILogger logger, string id, bool havePrevious, Exception exception);
}
