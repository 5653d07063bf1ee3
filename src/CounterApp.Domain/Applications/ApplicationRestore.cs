using CounterApp.Domain.Fees;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Applications;

/// <summary>Rebuilding an application from storage, and the eligibility mark of the guided procedure.</summary>
public sealed partial class Application
{
    /// <summary>The history note <see cref="MarkEligible"/> records.</summary>
    public const string EligibleNote = "eligible";

    /// <summary>R-EL/R-HR (and R-CE-04 for renewal) were checked and passed for this application.</summary>
    public bool IsEligibilityConfirmed => _history.Any(h => h.From == ApplicationState.Received && h.To == ApplicationState.Received && h.Note == EligibleNote);

    /// <summary>
    /// Records that eligibility and counter hours passed (every rule in <paramref name="decision"/> allowed). Only while
    /// received; the state does not change, the history keeps the check.
    /// </summary>
    public void MarkEligible(Decision decision, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!decision.IsAllowed)
        {
            throw new ArgumentException("Eligibility is confirmed only when no rule is broken.", nameof(decision));
        }

        RequireOneOf(nameof(MarkEligible), ApplicationState.Received);
        if (!IsEligibilityConfirmed)
        {
            // A rule a supervisor set aside (R-HR-03) is named in the history next to the check it let pass.
            foreach (var applied in decision.Overrides)
            {
                _history.Add(new StateChange(ApplicationState.Received, ApplicationState.Received, at, by, OverrideNote(applied)));
            }

            _history.Add(new StateChange(ApplicationState.Received, ApplicationState.Received, at, by, EligibleNote));
        }
    }

    /// <summary>The history note for an override: "override R-HR-03 set aside R-HR-01, approved by supervisor2: reason".</summary>
    public static string OverrideNote(AppliedOverride applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return Capped($"{OverrideNotePrefix}{applied.OverrideRuleId} set aside {applied.SetAside.RuleId}, approved by {applied.Supervisor}: {applied.Reason}");
    }

    /// <summary>The history note for an override the identity check used: "override R-ID-02, approved by supervisor2: reason".</summary>
    public static string OverrideNote(SupervisorOverride granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        return Capped($"{OverrideNotePrefix}{granted.RuleId}, approved by {granted.Supervisor}: {granted.Reason}");
    }

    /// <summary>A history note is at most <see cref="StateChange.NoteMaxLength"/> characters (the column's size).</summary>
    private static string Capped(string note) => note.Length <= StateChange.NoteMaxLength ? note : string.Concat(note.AsSpan(0, StateChange.NoteMaxLength - 1), "…");

    /// <summary>Every history note that records a supervisor's override starts with this.</summary>
    public const string OverrideNotePrefix = "override ";

    /// <summary>
    /// Rebuilds an application saved earlier. The stored facts must be ones the guarded methods could have produced:
    /// the history ends in <paramref name="state"/>; a payment exists from FeePaid on; a serial and an intent exactly when
    /// the card session since the last card step recorded them (R-CE-09); refusal rules only when refused; obligations
    /// only where a failure or a written renewal leaves them.
    /// </summary>
    /// <exception cref="ArgumentException">The facts contradict each other (a damaged or hand-edited row).</exception>
    public static Application Restore(
        Guid id,
        Procedure procedure,
        ApplicantKind applicant,
        string residentCode,
        ApplicationState state,
        IEnumerable<StateChange> history,
        Payment? payment = null,
        string? issuedSerial = null,
        IEnumerable<BrokenRule>? refusedFor = null,
        IEnumerable<Obligation>? outstanding = null,
        IssuanceIntent? intent = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(residentCode);
        ArgumentNullException.ThrowIfNull(history);
        var steps = history.ToList();
        var refused = refusedFor?.ToList() ?? [];
        var owed = outstanding?.ToHashSet() ?? [];
        if (steps.Count == 0 || steps[0].To != ApplicationState.Received)
        {
            throw new ArgumentException($"Application {id}: the history must start with its receipt.", nameof(history));
        }

        if (steps[^1].To != state)
        {
            throw new ArgumentException($"Application {id}: the history ends in {steps[^1].To}, not in {state}.", nameof(history));
        }

        var reached = steps.Select(s => s.To).ToHashSet();
        var paid = reached.Contains(ApplicationState.FeePaid);
        if (paid != (payment is not null))
        {
            throw new ArgumentException($"Application {id}: a payment is kept exactly when the fee was paid.", nameof(payment));
        }

        // What the current card session recorded: a certificate issued (or an intent recorded) after the last time the
        // application stood at the card step (the payment, or a return to it after a cut session, R-CE-09). A return
        // drops both, so a serial or an intent is kept exactly when the history recorded one since then.
        var atCardStep = steps.FindLastIndex(s => s.To == ApplicationState.FeePaid);
        var holdsCertificate = steps.FindLastIndex(s => s.To == ApplicationState.CertificateIssued) > atCardStep;
        if (holdsCertificate != (issuedSerial is { Length: > 0 }))
        {
            throw new ArgumentException($"Application {id}: a serial is kept exactly when a certificate was issued (and not revoked by a return to the card step).", nameof(issuedSerial));
        }

        // Rows saved before intents existed (history KeyGenerated → CertificateIssued) have none and still load, so the
        // recovery pass can revoke their certificate; any history that records the Issuing step keeps its intent.
        var recordedIntent = steps.FindLastIndex(s => s.To == ApplicationState.Issuing) > atCardStep;
        if (recordedIntent != (intent is not null))
        {
            throw new ArgumentException($"Application {id}: an intent is kept exactly when the card session in {state} recorded one.", nameof(intent));
        }

        intent?.Validate();

        if ((state == ApplicationState.Refused) != (refused.Count > 0))
        {
            throw new ArgumentException($"Application {id}: refusal rules are kept exactly when it was refused.", nameof(refusedFor));
        }

        CheckObligations(id, procedure, state, payment, issuedSerial, owed);
        var application = new Application(id, procedure, applicant, residentCode)
        {
            State = state,
            Payment = payment,
            IssuedSerial = issuedSerial,
            RefusedFor = refused,
            Intent = intent,
        };
        application._history.AddRange(steps);
        application._outstanding.UnionWith(owed);
        return application;
    }

    private static void CheckObligations(Guid id, Procedure procedure, ApplicationState state, Payment? payment, string? issuedSerial, HashSet<Obligation> outstanding)
    {
        foreach (var obligation in outstanding)
        {
            var possible = obligation switch
            {
                Obligation.VoidOrRefundFee => state == ApplicationState.Failed && payment is { Stands: true },
                Obligation.RevokeUnwrittenCertificate => state == ApplicationState.Failed && issuedSerial is not null,
                Obligation.SupersedeOldCertificate => procedure == Procedure.Renewal && state is ApplicationState.WrittenToCard or ApplicationState.PasswordSet or ApplicationState.Failed,
                _ => false,
            };
            if (!possible)
            {
                throw new ArgumentException($"Application {id}: {obligation} cannot be owed by a {procedure} application in state {state}.", nameof(outstanding));
            }
        }
    }
}
