using System.Collections.Concurrent;

namespace CounterApp.Pki.Ocsp;

/// <summary>
/// Signed answers for single-certificate, nonce-less requests, keyed by the CertID's DER. An entry is used only while
/// the certificate's status is still the one it asserts (so a revocation shows at once, R-RV-03, even when another
/// process revoked it) and until its refresh time. Bounded: when full it starts over.
/// </summary>
internal sealed class OcspResponseCache(int capacity)
{
    private readonly ConcurrentDictionary<byte[], Entry> _entries = new(ByteSequenceComparer.Instance);

    public int Count => _entries.Count;

    public bool TryGet(OcspCertId id, OcspCertStatus status, DateTimeOffset now, out OcspAnswer? answer)
    {
        answer = null;
        if (!_entries.TryGetValue(id.Encoded.ToArray(), out var entry))
        {
            return false;
        }

        if (entry.Status != status || now >= entry.RefreshAt || now < entry.Answer.ThisUpdate)
        {
            return false;
        }

        answer = entry.Answer with { FromCache = true };
        return true;
    }

    public void Put(OcspCertId id, OcspCertStatus status, OcspAnswer answer, DateTimeOffset refreshAt)
    {
        if (capacity == 0)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[id.Encoded.ToArray()] = new Entry(status, answer, refreshAt);
    }

    private sealed record Entry(OcspCertStatus Status, OcspAnswer Answer, DateTimeOffset RefreshAt);
}
