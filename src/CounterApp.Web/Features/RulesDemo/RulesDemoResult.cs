using CounterApp.Domain.Fees;
using CounterApp.Domain.Periods;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Visits;

namespace CounterApp.Web.Features.RulesDemo;

/// <summary>Everything the rules engine decided for one demo visit.</summary>
/// <param name="Visit">Same day or two visits; only for issuance and renewal.</param>
/// <param name="Validity">The certificate's validity if issued now; only for issuance and renewal.</param>
public sealed record RulesDemoResult(
    Decision Overall,
    VisitDecision? Visit,
    IReadOnlyList<FeeLine> Fees,
    CertificateValidity? Validity,
    DateTime NextOpening)
{
    public int FeeTotal => FeeRules.Total(Fees);
}
