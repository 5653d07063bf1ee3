using CounterApp.Pki.Authority;

namespace CounterApp.Pki.Crl;

/// <summary>
/// Keeps the CRL to serve at /crl/{id}.crl. <see cref="Current"/> re-signs when there is none yet, when a revocation
/// happened since the last one (so R-RV-03's "next CRL" is the next fetch), or when the list is past
/// <see cref="RefreshAfter"/> (half its lifetime by default, so a relying party never holds an expired list).
/// A scheduler calls <see cref="Current"/> periodically; a GET handler calls it per request. Thread-safe.
/// </summary>
public sealed class CrlPublisher
{
    private readonly CertificateAuthority _authority;
    private readonly Lock _lock = new();
    private CrlDocument? _current;

    public CrlPublisher(CertificateAuthority authority, TimeSpan? refreshAfter = null)
    {
        ArgumentNullException.ThrowIfNull(authority);
        _authority = authority;
        RefreshAfter = refreshAfter ?? authority.Profile.CrlLifetime / 2;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RefreshAfter, TimeSpan.Zero, nameof(refreshAfter));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RefreshAfter, authority.Profile.CrlLifetime, nameof(refreshAfter));
    }

    public TimeSpan RefreshAfter { get; }

    /// <summary>The CRL to serve now, re-signed if stale.</summary>
    public CrlDocument Current()
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && !IsStale(current))
        {
            return current;
        }

        lock (_lock)
        {
            if (_current is null || IsStale(_current))
            {
                Volatile.Write(ref _current, _authority.BuildCrl());
            }

            return _current!;
        }
    }

    private bool IsStale(CrlDocument document) =>
        document.Revision != _authority.RevocationRevision || _authority.Time.GetUtcNow() >= document.ThisUpdate + RefreshAfter;
}
