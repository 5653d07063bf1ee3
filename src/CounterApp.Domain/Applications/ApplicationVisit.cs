using CounterApp.Domain.Rules;
using CounterApp.Domain.Visits;

namespace CounterApp.Domain.Applications;

/// <summary>
/// The visit decision (R-VI-01..03) as the application itself knows it, so it refuses payment and the card steps the
/// decision forbids whatever its caller checked: a proxy's first visit never issues (R-VI-03), and an in-person first
/// visit decided as two visits (R-VI-02) does not issue before the answer sheet returns. The fee is taken only at the
/// visit where the certificate is issued (R-FE-02).
/// </summary>
public sealed partial class Application
{
    /// <summary>The history note that keeps a first visit decided as two visits: "two-visits R-VI-02".</summary>
    public const string TwoVisitsNotePrefix = "two-visits ";

    /// <summary>The history note that keeps a first visit decided as same-day issue after all: "same-day R-VI-01".</summary>
    public const string SameDayNotePrefix = "same-day ";

    /// <summary>The note recorded when the first visit is decided by <paramref name="ruleId"/>.</summary>
    public static string VisitNote(VisitPlan plan, string ruleId) =>
        (plan == VisitPlan.TwoVisits ? TwoVisitsNotePrefix : SameDayNotePrefix) + ruleId;

    /// <summary>The answer sheet came back: this is the second visit (R-VI-02/03), which may issue.</summary>
    public bool IsSecondVisit => _history.Any(h => h.To == ApplicationState.AnswerReturned);

    /// <summary>The last visit decision recorded in the history (R-VI-01 or R-VI-02), or null when none was.</summary>
    public string? RecordedVisitRule => _history
        .Where(h => h.From == ApplicationState.Received && h.To == ApplicationState.Received && h.Note is not null
            && (h.Note.StartsWith(TwoVisitsNotePrefix, StringComparison.Ordinal) || h.Note.StartsWith(SameDayNotePrefix, StringComparison.Ordinal)))
        .Select(h => h.Note!.StartsWith(TwoVisitsNotePrefix, StringComparison.Ordinal) ? h.Note[TwoVisitsNotePrefix.Length..] : h.Note[SameDayNotePrefix.Length..])
        .LastOrDefault();

    /// <summary>
    /// The visit rule that forbids issuing (and so paying) at this visit, or null when the visit may issue:
    /// R-VI-03 for a proxy before the answer returned; R-VI-02 when the first visit was decided as two visits and the
    /// answer has not returned. Procedures that issue nothing are not judged here.
    /// </summary>
    public BrokenRule? VisitForbidsIssue()
    {
        if (!Procedure.IssuesCertificate() || IsSecondVisit)
        {
            return null;
        }

        if (Applicant == ApplicantKind.Proxy)
        {
            return new BrokenRule("R-VI-03", "applicant", VisitMessages.Catalog.Format("ProxyNoIssueBeforeAnswer"));
        }

        return RecordedVisitRule == "R-VI-02"
            ? new BrokenRule("R-VI-02", "visit", VisitMessages.Catalog.Format("TwoVisitsNoIssueBeforeAnswer"))
            : null;
    }

    /// <summary>
    /// Records how the first visit was decided (R-VI-01 same day, R-VI-02 two visits) in the history, without a state
    /// change. A later same-day decision (an accepted photo document shown after all) replaces an earlier R-VI-02 one.
    /// </summary>
    public void RecordVisitDecision(VisitPlan plan, string ruleId, DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        RequireIssuing(nameof(RecordVisitDecision));
        RequireOneOf(nameof(RecordVisitDecision), ApplicationState.Received);
        _history.Add(new StateChange(ApplicationState.Received, ApplicationState.Received, at, by, VisitNote(plan, ruleId)));
    }

    /// <summary>Throws <see cref="VisitRuleException"/> when the visit decision forbids <paramref name="action"/>; a payment also breaks R-FE-02.</summary>
    private void RequireVisitAllowsIssue(string action)
    {
        if (VisitForbidsIssue() is not { } broken)
        {
            return;
        }

        IReadOnlyList<BrokenRule> rules = action == nameof(Pay)
            ? [broken, new BrokenRule("R-FE-02", "fee", VisitMessages.Catalog.Format("FeeOnlyWhenIssued"))]
            : [broken];
        throw new VisitRuleException(rules, Id, State, action);
    }
}
