using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Residents;

namespace CounterApp.Domain.CardServices;

/// <summary>An unlock, password change or card PIN reset at the counter (R-CA-01..03).</summary>
/// <param name="Card">The resident card at the counter; null when not brought.</param>
/// <param name="Certificate">The certificate on the card, as read from it (its locked state included).</param>
public sealed record CardServiceRequest(
    Procedure Procedure,
    ApplicantKind Applicant,
    ResidentCard? Card,
    Certificate? Certificate,
    IReadOnlyList<PresentedIdentityDocument> Documents,
    DateOnly Today)
{
    /// <summary>R-CA-01 for unlock, R-CA-02 for password change, R-CA-03 for PIN reset.</summary>
    public string RuleId => Procedure switch
    {
        Procedure.Unlock => "R-CA-01",
        Procedure.PasswordChange => "R-CA-02",
        Procedure.CardPinReset => "R-CA-03",
        _ => throw new ArgumentOutOfRangeException(nameof(Procedure), Procedure, "Not a card service."),
    };
}
