using CounterApp.Domain.Revocation;

namespace CounterApp.Web.Features.CaStatus;

/// <summary>What the administrator's CA status page shows, read from the running CA and the database. Instants are UTC.</summary>
public sealed record CaStatusReport(
    string AuthorityId,
    CertificateFacts Authority,
    CertificateFacts? Responder,
    CrlFacts Crl,
    OcspCheck Ocsp,
    IReadOnlyList<StatusCount> Counts,
    DateTimeOffset CheckedAt);

/// <summary>One certificate as the page lists it, with the fingerprints published to residents (R-CE-07).</summary>
public sealed record CertificateFacts(
    string Subject,
    string Issuer,
    string Serial,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string KeyAlgorithm,
    int KeySize,
    string SignatureAlgorithm,
    string Sha256,
    string Sha1);

/// <summary>
/// The CRL served now at /crl/{id}.crl: its number, thisUpdate (when it was signed, i.e. last published), nextUpdate,
/// entries; or the reason it cannot be signed. Overdue when nextUpdate has passed.
/// </summary>
public sealed record CrlFacts(long? Number, DateTimeOffset? ThisUpdate, DateTimeOffset? NextUpdate, int? EntryCount, bool IsOverdue, string? Error);

public enum OcspCheckOutcome
{
    /// <summary>The CA has issued no subscriber certificate yet; nothing to ask about.</summary>
    NoCertificates,

    Good,

    Revoked,

    Unknown,

    /// <summary>The responder answered with an error status, an unreadable answer, or a bad signature.</summary>
    Failed,
}

/// <summary>The OCSP self-check: the serial asked about, the answer, how long it took, and what went wrong if anything.</summary>
public sealed record OcspCheck(
    OcspCheckOutcome Outcome,
    string? Serial,
    TimeSpan Elapsed,
    DateTimeOffset? RevokedAt = null,
    RevocationReason? Reason = null,
    DateTimeOffset? ProducedAt = null,
    string? Error = null);

/// <summary>How many of the counter's certificates are in one state; expired ones are counted apart from active ones.</summary>
public sealed record StatusCount(CertificateCountKind Kind, int Count);

public enum CertificateCountKind
{
    Active,
    Expired,
    Revoked,
}
