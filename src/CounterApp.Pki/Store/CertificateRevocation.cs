using CounterApp.Domain.Revocation;

namespace CounterApp.Pki.Store;

/// <summary>When a certificate was revoked and why (RFC 5280 CRLReason, the domain's numbers).</summary>
public sealed record CertificateRevocation(DateTimeOffset RevokedAt, RevocationReason Reason);
