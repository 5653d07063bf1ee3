using CounterApp.Domain.Revocation;

namespace CounterApp.Pki.Store;

/// <summary>One line of the CRL: just what the list needs, so a store can stream a million of them cheaply.</summary>
public readonly record struct RevokedEntry(CertificateSerial Serial, DateTimeOffset RevokedAt, RevocationReason Reason);
