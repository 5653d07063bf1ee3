using CounterApp.Domain.Certificates;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Periods;

/// <summary>
/// R-CE-04: renewal is refused before the window opens (the message says when it opens) and after the
/// certificate has expired (the message says a new issuance is needed instead, as there is nothing left to renew).
/// </summary>
public sealed class RenewalWindowRule(DateOnly expiresOn, DateOnly day) : BusinessRule("R-CE-04", "certificate.expiresOn")
{
    public RenewalWindowRule(Certificate certificate, DateOnly day)
        : this((certificate ?? throw new ArgumentNullException(nameof(certificate))).ExpiresOn, day)
    {
    }

    public override bool IsBroken() => !RenewalWindow.IsOpenOn(expiresOn, day);

    public override string Message => day > expiresOn
        ? PeriodMessages.Catalog.Format("RenewalAfterExpiry", expiresOn)
        : PeriodMessages.Catalog.Format("RenewalNotYetOpen", expiresOn, RenewalWindow.OpensOn(expiresOn));
}
