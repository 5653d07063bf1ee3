using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Documents;

/// <summary>R-ID-05: at the visit where the certificate is issued, the clerk confirms the applicant's seal (印鑑).</summary>
public sealed class SealConfirmedRule(bool sealConfirmed) : BusinessRule("R-ID-05", "visit.sealConfirmed")
{
    public override bool IsBroken() => !sealConfirmed;

    public override string Message => DocumentMessages.Catalog.Format("SealNotConfirmed");
}
