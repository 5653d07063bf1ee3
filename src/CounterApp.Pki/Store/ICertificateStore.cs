using System.Numerics;

namespace CounterApp.Pki.Store;

/// <summary>
/// Everything one CA remembers: the certificates it signed (its own included), their revocations, and its CRL number.
/// One store instance serves one CA. The persistence layer implements it on a table with a unique index on the serial;
/// <see cref="InMemoryCertificateStore"/> is the reference implementation for tests and throwaway demos.
/// Synchronous on purpose: every call is one indexed row (or a forward-only scan for the CRL), and the OCSP handler
/// it serves is synchronous.
/// </summary>
public interface ICertificateStore
{
    /// <summary>
    /// Records a signed certificate; false when its serial is already taken (the CA signs again with a new one) or its
    /// request id already has a certificate (the CA then answers with that one).
    /// </summary>
    bool TryAdd(StoredCertificate certificate);

    /// <summary>The certificate with this serial, or null when this CA never issued it.</summary>
    StoredCertificate? Find(CertificateSerial serial);

    /// <summary>
    /// The revocation status of the certificate with this serial, or null when this CA never issued it: the OCSP
    /// lookup, which needs neither the DER nor the validity. A database store answers it with a narrower query.
    /// </summary>
    StoredStatus? FindStatus(CertificateSerial serial) =>
        Find(serial) is { } stored ? (stored.Revocation is null ? StoredStatus.Unrevoked : new StoredStatus(stored.Revocation)) : null;

    /// <summary>The certificate signed for this issuance request, or null when none was (R-CE-09: issuance is idempotent by request).</summary>
    StoredCertificate? FindByRequest(Guid requestId);

    /// <summary>The most recent (latest NotBefore) certificate of a kind, or null; the CA finds its own certificates with it.</summary>
    StoredCertificate? FindLatest(CertificateKind kind);

    /// <summary>Marks a certificate revoked, atomically; an already revoked one keeps its first revocation.</summary>
    RevokeOutcome Revoke(CertificateSerial serial, CertificateRevocation revocation);

    /// <summary>Every revoked certificate, for the CRL, in any order.</summary>
    IEnumerable<RevokedEntry> ListRevoked();

    /// <summary>The next CRL number: strictly increasing across calls and restarts (RFC 5280 §5.2.3).</summary>
    BigInteger NextCrlNumber();
}
