using System.Numerics;

namespace CounterApp.Pki.Store;

/// <summary>The store in memory: for tests and for a demo that may forget its CA on restart. Thread-safe.</summary>
public sealed class InMemoryCertificateStore : ICertificateStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<CertificateSerial, StoredCertificate> _certificates = [];
    private BigInteger _crlNumber;

    public bool TryAdd(StoredCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        lock (_lock)
        {
            if (certificate.RequestId is { } request && _certificates.Values.Any(c => c.RequestId == request))
            {
                return false;
            }

            return _certificates.TryAdd(certificate.Serial, certificate);
        }
    }

    public StoredCertificate? FindByRequest(Guid requestId)
    {
        lock (_lock)
        {
            return _certificates.Values.FirstOrDefault(c => c.RequestId == requestId);
        }
    }

    public StoredCertificate? Find(CertificateSerial serial)
    {
        lock (_lock)
        {
            return _certificates.GetValueOrDefault(serial);
        }
    }

    public StoredCertificate? FindLatest(CertificateKind kind)
    {
        lock (_lock)
        {
            return _certificates.Values.Where(c => c.Kind == kind).MaxBy(c => c.NotBefore);
        }
    }

    public RevokeOutcome Revoke(CertificateSerial serial, CertificateRevocation revocation)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        lock (_lock)
        {
            if (!_certificates.TryGetValue(serial, out var certificate))
            {
                return RevokeOutcome.NotFound;
            }

            if (certificate.IsRevoked)
            {
                return RevokeOutcome.AlreadyRevoked;
            }

            _certificates[serial] = certificate with { Revocation = revocation };
            return RevokeOutcome.Revoked;
        }
    }

    public IEnumerable<RevokedEntry> ListRevoked()
    {
        lock (_lock)
        {
            return _certificates.Values
                .Where(c => c.Revocation is not null)
                .Select(c => new RevokedEntry(c.Serial, c.Revocation!.RevokedAt, c.Revocation.Reason))
                .ToList();
        }
    }

    public BigInteger NextCrlNumber()
    {
        lock (_lock)
        {
            return ++_crlNumber;
        }
    }
}
