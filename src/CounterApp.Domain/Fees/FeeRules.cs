using CounterApp.Domain.Applications;

namespace CounterApp.Domain.Fees;

/// <summary>
/// R-FE-01: issuance and renewal cost a fee each; a new resident card made in the same visit is its own line;
/// revocation, compromise notice, unlock, password change and PIN reset are free.
/// </summary>
public static class FeeRules
{
    public static IReadOnlyList<FeeLine> LinesFor(Procedure procedure, bool newResidentCard, FeeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var lines = new List<FeeLine>();
        if (procedure == Procedure.NewIssuance)
        {
            lines.Add(new FeeLine(FeeItem.CertificateIssuance, schedule.Issuance));
        }
        else if (procedure == Procedure.Renewal)
        {
            lines.Add(new FeeLine(FeeItem.CertificateRenewal, schedule.Renewal));
        }

        if (newResidentCard)
        {
            lines.Add(new FeeLine(FeeItem.ResidentCard, schedule.ResidentCard));
        }

        return lines;
    }

    public static int Total(IEnumerable<FeeLine> lines) => lines.Sum(l => l.Amount);
}
