using CounterApp.Domain.Applications;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Proxies;

/// <summary>R-PX-03: proxies may not unlock cards, change passwords or reset card PINs; the resident comes in person.</summary>
public sealed class ProxyNotAllowedRule(Procedure procedure, ApplicantKind applicant) : BusinessRule("R-PX-03", "applicant")
{
    public override bool IsBroken() => applicant == ApplicantKind.Proxy && procedure.IsCardService();

    public override string Message => ProxyMessages.Catalog.Format("ProxyNotAllowed");
}
