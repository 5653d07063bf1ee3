using CounterApp.Domain.Revocation;

namespace CounterApp.Pki.Ocsp;

public enum OcspCertStatusKind
{
    Good,
    Revoked,
    Unknown,
}

/// <summary>What the responder says about one certificate; equal values mean a cached answer still holds.</summary>
public readonly record struct OcspCertStatus(OcspCertStatusKind Kind, DateTimeOffset? RevokedAt = null, RevocationReason? Reason = null)
{
    public static OcspCertStatus Good { get; } = new(OcspCertStatusKind.Good);

    /// <summary>Not a certificate this CA issued.</summary>
    public static OcspCertStatus Unknown { get; } = new(OcspCertStatusKind.Unknown);

    public static OcspCertStatus Revoked(DateTimeOffset at, RevocationReason reason) => new(OcspCertStatusKind.Revoked, at, reason);
}
