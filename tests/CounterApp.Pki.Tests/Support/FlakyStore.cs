using System.Numerics;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Tests.Support;

/// <summary>The in-memory store with switches a test can flip: refuse serials (a taken unique index) or fail lookups.</summary>
internal sealed class FlakyStore : ICertificateStore
{
    private readonly InMemoryCertificateStore _inner = new();

    /// <summary>How many of the next subscriber adds to refuse as if the serial were taken.</summary>
    public int RefuseNextSubscriberAdds { get; set; }

    public int RefusedAdds { get; private set; }

    public bool FailLookups { get; set; }

    public bool TryAdd(StoredCertificate certificate)
    {
        if (certificate.Kind == CertificateKind.Subscriber && RefuseNextSubscriberAdds > 0)
        {
            RefuseNextSubscriberAdds--;
            RefusedAdds++;
            return false;
        }

        return _inner.TryAdd(certificate);
    }

    public StoredCertificate? Find(CertificateSerial serial) =>
        FailLookups ? throw new InvalidOperationException("database is down") : _inner.Find(serial);

    public StoredCertificate? FindByRequest(Guid requestId) =>
        FailLookups ? throw new InvalidOperationException("database is down") : _inner.FindByRequest(requestId);

    public StoredCertificate? FindLatest(CertificateKind kind) => _inner.FindLatest(kind);

    public RevokeOutcome Revoke(CertificateSerial serial, CertificateRevocation revocation) => _inner.Revoke(serial, revocation);

    public IEnumerable<RevokedEntry> ListRevoked() => _inner.ListRevoked();

    public BigInteger NextCrlNumber() => _inner.NextCrlNumber();
}
