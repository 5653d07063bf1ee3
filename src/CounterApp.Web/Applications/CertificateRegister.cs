using System.Globalization;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.CertificateAuthority;

namespace CounterApp.Web.Applications;

/// <summary>
/// The one certificate register. A certificate's DER, validity and revocation live only in the CA's store
/// (ca_certificates, which answers OCSP and the CRL); the counter's <c>certificates</c> rows keep only the counter's
/// links. Every status read of the counter goes through <see cref="CertificateStatuses"/> and every revocation through
/// <see cref="RevokeAsync"/>, so the counter's pages and the CA's answers cannot disagree. When the CA moves into its
/// own service, these two classes are where the counter asks it.
/// </summary>
public sealed class CertificateRegister(CounterDbContext db, PrefecturalCa ca, AuditTrail audit)
{
    public const string RevokedAction = "certificate.revoked";

    /// <summary>The audit outcome of a revocation the CA could not carry out: it never issued the serial.</summary>
    public const string NotInCa = "not-in-ca";

    /// <summary>
    /// Revokes in the CA register, through the CA (so OCSP says so at once and the CRL refresh sees a new revision,
    /// R-RV-03), and appends the audit entry (R-X-01), in the caller's transaction when there is one (the CA's store
    /// joins it: the revocation commits or rolls back with the caller's changes), else in one of its own.
    /// <paramref name="by"/> says who, where and for whom; its details are kept and the revocation's are added.
    /// A certificate already revoked keeps its first revocation (reported back); a serial the CA never issued is
    /// audited as <see cref="NotInCa"/> and nothing changes.
    /// </summary>
    public async Task<RegisterRevocation> RevokeAsync(RevocationOrder order, AuditEvent by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(by);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await audit.LockChainAsync(cancellationToken);
            var done = RevokeInCa(order);
            var details = new Dictionary<string, string?>(by.Details ?? new Dictionary<string, string?>())
            {
                ["authority"] = ca.Id,
                ["serial"] = order.Serial,
                ["reason"] = (done.Reason ?? order.Reason).ToString(),
                ["revokedAt"] = done.RevokedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                ["rule"] = order.RuleId,
                ["cause"] = order.Cause,
                ["ca"] = done.Outcome.ToString(),
            };
            await audit.AppendAsync(by with { Action = RevokedAction, Outcome = done.AuditOutcome, Details = details }, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return done;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private RegisterRevocation RevokeInCa(RevocationOrder order)
    {
        CertificateSerial serial;
        try
        {
            serial = CertificateSerial.Parse(order.Serial);
        }
        catch (FormatException)
        {
            return new RegisterRevocation(RevokeOutcome.NotFound, null, null);
        }

        using (ca.Store.Enlist(db))
        {
            var outcome = ca.Authority.Revoke(serial, order.Reason, order.EffectiveAt);
            var standing = outcome == RevokeOutcome.NotFound ? null : ca.Store.Find(serial)?.Revocation;
            return new RegisterRevocation(outcome, standing?.RevokedAt, standing?.Reason);
        }
    }
}
