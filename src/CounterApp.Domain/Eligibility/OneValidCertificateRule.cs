using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Periods;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Eligibility;

/// <summary>
/// R-CE-08: a resident holds at most one valid signing certificate, so a new issuance while one is valid is refused.
/// The message points to renewal when the certificate's renewal window (R-CE-04) is open today, to revocation otherwise.
/// Renewal and the other procedures are not judged here (renewal replaces the certificate, R-CE-04).
/// </summary>
/// <param name="validCertificate">The resident's valid certificate (not revoked, not expired), or null when none.</param>
public sealed class OneValidCertificateRule(Procedure procedure, Certificate? validCertificate, DateOnly today) : BusinessRule("R-CE-08", "certificate")
{
    public override bool IsBroken() => procedure == Procedure.NewIssuance && validCertificate is { } c && c.IsValidOn(today);

    /// <summary>True when the refusal points to renewal (the window is open today), false when it points to revocation.</summary>
    public bool PointsToRenewal => validCertificate is { } c && RenewalWindow.IsOpenOn(c.ExpiresOn, today);

    public override string Message => validCertificate is not { } c
        ? string.Empty
        : EligibilityMessages.Catalog.Format(
            PointsToRenewal ? "ValidCertificateRenew" : "ValidCertificateRevoke", c.Serial, c.ExpiresOn, RenewalWindow.OpensOn(c.ExpiresOn));
}
