using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;

namespace CounterApp.Web.Applications;

/// <summary>
/// What <see cref="CertificateRegister.RevokeAsync"/> did: the CA's outcome and the revocation that stands in the
/// register (the first one, when the certificate was already revoked); none when the CA does not know the serial.
/// </summary>
public sealed record RegisterRevocation(RevokeOutcome Outcome, DateTimeOffset? RevokedAt, RevocationReason? Reason)
{
    /// <summary>The certificate is revoked in the register now (by this call or an earlier one).</summary>
    public bool IsRevoked => Outcome is RevokeOutcome.Revoked or RevokeOutcome.AlreadyRevoked;

    /// <summary>The audit outcome: "not-in-ca" when the CA never issued the serial.</summary>
    public string AuditOutcome => Outcome == RevokeOutcome.NotFound ? CertificateRegister.NotInCa : Data.Audit.AuditOutcomes.Succeeded;
}
