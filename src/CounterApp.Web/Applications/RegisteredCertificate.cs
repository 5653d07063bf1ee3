using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Applications;

/// <summary>
/// A resident's certificate as the counter sees it: the counter's links (<see cref="CertificateRecord"/>: serial,
/// resident, card, application, lock) with the status the CA register holds (ca_certificates), the one place a
/// certificate's revocation lives. Built by <see cref="CertificateStatuses.Certificates"/>; filter with
/// <see cref="CertificateStatuses.IsValid"/> (the computed <see cref="Status"/> is for materialized rows only).
/// </summary>
public sealed class RegisteredCertificate
{
    public required CertificateRecord Certificate { get; init; }

    /// <summary>False when the CA register has no row for the serial: OCSP answers "unknown", so it is never valid.</summary>
    public bool InRegister { get; init; }

    /// <summary>When the CA's revocation took effect (UTC); null while the CA calls it good.</summary>
    public DateTime? RevokedAt { get; init; }

    public RevocationReason? RevocationReason { get; init; }

    /// <summary>Active exactly when OCSP answers good for it.</summary>
    public CertificateStatus Status => InRegister && RevokedAt is null ? CertificateStatus.Active : CertificateStatus.Revoked;
}
