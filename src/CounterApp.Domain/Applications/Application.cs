using CounterApp.Domain.Fees;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Applications;

/// <summary>
/// One application at the counter and its guarded state machine (see <see cref="ApplicationState"/>).
/// Every change goes through a method that checks the current state and records a <see cref="StateChange"/>;
/// an illegal change throws <see cref="InvalidTransitionException"/>.
/// </summary>
public sealed partial class Application
{
    private readonly List<StateChange> _history = [];
    private readonly HashSet<Obligation> _outstanding = [];

    private Application(Guid id, Procedure procedure, ApplicantKind applicant, string residentCode)
    {
        Id = id;
        Procedure = procedure;
        Applicant = applicant;
        ResidentCode = residentCode;
    }

    public Guid Id { get; }

    public Procedure Procedure { get; }

    public ApplicantKind Applicant { get; }

    public string ResidentCode { get; }

    public ApplicationState State { get; private set; } = ApplicationState.Received;

    public IReadOnlyList<StateChange> History => _history;

    public Payment? Payment { get; private set; }

    /// <summary>The serial of the certificate the CA issued for this application, once issued.</summary>
    public string? IssuedSerial { get; private set; }

    /// <summary>The rules that refused the application, when refused.</summary>
    public IReadOnlyList<BrokenRule> RefusedFor { get; private set; } = [];

    public IReadOnlyCollection<Obligation> Outstanding => _outstanding;

    public bool IsClosed => State is ApplicationState.Completed or ApplicationState.Refused or ApplicationState.Cancelled or ApplicationState.Failed;

    /// <summary>Closed with nothing owed (no standing fee after a failure, no unwritten certificate left unrevoked).</summary>
    public bool IsSettled => IsClosed && _outstanding.Count == 0;

    public static Application Receive(Guid id, Procedure procedure, ApplicantKind applicant, string residentCode, DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(residentCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var application = new Application(id, procedure, applicant, residentCode);
        application._history.Add(new StateChange(ApplicationState.Received, ApplicationState.Received, at, by, "received"));
        return application;
    }

    /// <summary>R-VI-02/03: no same-day issue; the inquiry letter went to the registered address.</summary>
    public void MarkInquiryLetterMailed(DateTimeOffset at, string by)
    {
        RequireIssuing(nameof(MarkInquiryLetterMailed));
        Move(ApplicationState.Received, ApplicationState.InquiryLetterMailed, nameof(MarkInquiryLetterMailed), at, by);
    }

    /// <summary>Second visit: the answer sheet came back with a usable letter (R-VI-04).</summary>
    public void MarkAnswerReturned(DateTimeOffset at, string by) =>
        Move(ApplicationState.InquiryLetterMailed, ApplicationState.AnswerReturned, nameof(MarkAnswerReturned), at, by);

    /// <summary>
    /// Identity documents (and on a second visit the checklist) passed. A supervisor's override the check used
    /// (R-ID-02) is named in the history just before the step.
    /// </summary>
    public void MarkIdentityVerified(DateTimeOffset at, string by, IReadOnlyCollection<SupervisorOverride>? overrides = null)
    {
        // A first visit without same-day issue goes through the letter; a second visit starts from the answer.
        var from = State == ApplicationState.AnswerReturned ? ApplicationState.AnswerReturned : ApplicationState.Received;
        if (State != from)
        {
            throw new InvalidTransitionException(Procedure, State, nameof(MarkIdentityVerified));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        foreach (var granted in overrides ?? [])
        {
            _history.Add(new StateChange(State, State, at, by, OverrideNote(granted)));
        }

        Move(from, ApplicationState.IdentityVerified, nameof(MarkIdentityVerified), at, by);
    }

    /// <summary>
    /// R-FE-02: the fee is taken at the visit where the certificate is issued; nobody pays twice (R-FE-03). A visit that
    /// may not issue (a proxy's first visit, R-VI-03; two visits decided, R-VI-02) throws <see cref="VisitRuleException"/>.
    /// </summary>
    public void Pay(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        RequireIssuing(nameof(Pay));
        RequireVisitAllowsIssue(nameof(Pay));
        if (Payment is { Stands: true })
        {
            throw new InvalidTransitionException($"Application {Id} already has payment {Payment.Receipt}; nobody pays twice for one certificate.");
        }

        if (payment.Lines.Count == 0 || payment.Total <= 0)
        {
            throw new ArgumentException("A payment has at least one line with an amount.", nameof(payment));
        }

        Move(ApplicationState.IdentityVerified, ApplicationState.FeePaid, nameof(Pay), payment.PaidAt, payment.Clerk, payment.Receipt.ToString());
        Payment = payment;
    }

    /// <summary>The issuance request recorded before the CA was asked (R-CE-09); kept with the certificate it produced.</summary>
    public IssuanceIntent? Intent { get; private set; }

    /// <summary>True while a card session has left marks that a crash could strand (from KeyGenerated to PasswordSet).</summary>
    public bool IsIssuing => CardSessionStates.All.Contains(State);

    /// <summary>R-CE-01: the key pair was generated on the card.</summary>
    public void MarkKeyGenerated(DateTimeOffset at, string by)
    {
        RequireIssuing(nameof(MarkKeyGenerated));
        RequireVisitAllowsIssue(nameof(MarkKeyGenerated));
        Move(ApplicationState.FeePaid, ApplicationState.KeyGenerated, nameof(MarkKeyGenerated), at, by);
    }

    /// <summary>
    /// R-CE-09: the request the CA is about to sign is recorded first (request id, card, public key hash), so that after
    /// any crash the CA can be asked what it signed for this application.
    /// </summary>
    public void RecordIssuanceIntent(IssuanceIntent intent, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(intent);
        intent.Validate();
        Move(ApplicationState.KeyGenerated, ApplicationState.Issuing, nameof(RecordIssuanceIntent), at, by, $"request {intent.RequestId}");
        Intent = intent;
    }

    /// <summary>The prefectural CA issued the certificate with this serial for the recorded request.</summary>
    public void MarkCertificateIssued(string serial, DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serial);
        Move(ApplicationState.Issuing, ApplicationState.CertificateIssued, nameof(MarkCertificateIssued), at, by, serial);
        IssuedSerial = serial;
    }

    /// <summary>The certificate is on the card. For a renewal, the old certificate is now owed a supersession (R-CE-04).</summary>
    public void MarkWrittenToCard(DateTimeOffset at, string by)
    {
        Move(ApplicationState.CertificateIssued, ApplicationState.WrittenToCard, nameof(MarkWrittenToCard), at, by);
        if (Procedure == Procedure.Renewal)
        {
            _outstanding.Add(Obligation.SupersedeOldCertificate);
        }
    }

    /// <summary>R-CE-05: the resident's chosen password is set on the card; the certificate is usable.</summary>
    public void MarkPasswordSet(DateTimeOffset at, string by) =>
        Move(ApplicationState.WrittenToCard, ApplicationState.PasswordSet, nameof(MarkPasswordSet), at, by);

    /// <summary>
    /// R-CE-09: the card session was cut before the password was set (a failure, a pulled card, a crash). Whatever the
    /// CA signed for it has been revoked (<paramref name="revokedSerial"/>, when there was one); the application goes
    /// back to the card step with its fee standing, so the clerk retries without a second fee or abandons it (R-FE-03).
    /// </summary>
    public void ReturnToCardStep(string reason, string? revokedSerial, DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!CardSessionStates.BeforePassword.Contains(State))
        {
            throw new InvalidTransitionException(Procedure, State, nameof(ReturnToCardStep));
        }

        if (revokedSerial is not null && (string.IsNullOrWhiteSpace(revokedSerial) || State == ApplicationState.KeyGenerated))
        {
            throw new InvalidTransitionException($"Application {Id}: no certificate can have been signed from {State}; none is named as revoked.");
        }

        if (IssuedSerial is { } issued && !string.Equals(issued, revokedSerial, StringComparison.Ordinal))
        {
            throw new InvalidTransitionException($"Application {Id}: certificate {issued} must be revoked before the card step is offered again.");
        }

        var note = revokedSerial is null ? reason : $"{reason}; certificate {revokedSerial} revoked (cessationOfOperation)";
        Record(ApplicationState.FeePaid, at, by, Capped(note));
        _outstanding.Remove(Obligation.SupersedeOldCertificate);
        IssuedSerial = null;
        Intent = null;
    }

    /// <summary>
    /// R-CE-04: the old certificate was revoked as superseded (only after the new one is on the card). A renewal that
    /// failed after writing still owes this, so it can be discharged in the Failed state too.
    /// </summary>
    public void MarkOldCertificateSuperseded(DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        // Only once the new certificate is usable: a session cut before the password revokes the new one (R-CE-09).
        if (State is not (ApplicationState.PasswordSet or ApplicationState.Failed) || !_outstanding.Remove(Obligation.SupersedeOldCertificate))
        {
            throw new InvalidTransitionException(Procedure, State, nameof(MarkOldCertificateSuperseded));
        }

        _history.Add(new StateChange(State, State, at, by, "old certificate superseded"));
    }

    /// <summary>The procedure is done: issuance once the password is set (and the old certificate superseded on renewal); others after identity.</summary>
    public void Complete(DateTimeOffset at, string by)
    {
        var from = Procedure.IssuesCertificate() ? ApplicationState.PasswordSet : ApplicationState.IdentityVerified;
        if (_outstanding.Contains(Obligation.SupersedeOldCertificate))
        {
            throw new InvalidTransitionException($"Renewal {Id} cannot complete before the old certificate is superseded.");
        }

        Move(from, ApplicationState.Completed, nameof(Complete), at, by);
    }

    /// <summary>The rules said no (every broken rule is kept). Only before any money or key is involved.</summary>
    public void Refuse(Decision decision, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.IsAllowed)
        {
            throw new ArgumentException("A refusal needs at least one broken rule.", nameof(decision));
        }

        RequireOneOf(nameof(Refuse), ApplicationState.Received, ApplicationState.AnswerReturned, ApplicationState.IdentityVerified);
        Record(ApplicationState.Refused, at, by, string.Join(", ", decision.BrokenRules.Select(b => b.RuleId).Distinct()));
        RefusedFor = decision.BrokenRules;
    }

    /// <summary>The applicant withdrew. Only before payment; after it, the application fails and the fee is voided (R-FE-03).</summary>
    public void Cancel(string reason, DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        RequireOneOf(
            nameof(Cancel),
            ApplicationState.Received,
            ApplicationState.InquiryLetterMailed,
            ApplicationState.AnswerReturned,
            ApplicationState.IdentityVerified);
        Record(ApplicationState.Cancelled, at, by, reason);
    }

    /// <summary>
    /// Something went wrong (the resident leaves, the card is faulty, the letter expired…). A standing payment must then
    /// be voided or refunded (R-FE-03). Not during a card session: that is resolved first (<see cref="ReturnToCardStep"/>).
    /// Rows failed before R-CE-09 may still owe a revocation (<see cref="Obligation.RevokeUnwrittenCertificate"/>).
    /// </summary>
    public void Fail(string reason, DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (IsClosed)
        {
            throw new InvalidTransitionException(Procedure, State, nameof(Fail));
        }

        if (IsIssuing)
        {
            // R-CE-09: a cut card session is first resolved (its certificate revoked, ReturnToCardStep, or completed).
            throw new InvalidTransitionException($"Application {Id} is in a card session ({State}); resolve it before the application fails.");
        }

        if (Payment is { Stands: true })
        {
            _outstanding.Add(Obligation.VoidOrRefundFee);
        }

        Record(ApplicationState.Failed, at, by, reason);
    }

    /// <summary>R-FE-03: the payment of a failed application is voided or refunded, approved by a supervisor who did not ask for it.</summary>
    public void VoidPayment(PaymentVoid paymentVoid)
    {
        ArgumentNullException.ThrowIfNull(paymentVoid);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentVoid.Reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentVoid.RequestedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentVoid.ApprovedBy);
        if (!_outstanding.Contains(Obligation.VoidOrRefundFee) || Payment is not { Stands: true })
        {
            throw new InvalidTransitionException($"Application {Id} has no payment owed a void or refund.");
        }

        if (string.Equals(paymentVoid.RequestedBy, paymentVoid.ApprovedBy, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A void or refund is approved by a supervisor other than the clerk who asked for it.");
        }

        Payment = Payment with { Void = paymentVoid };
        _outstanding.Remove(Obligation.VoidOrRefundFee);
        _history.Add(new StateChange(State, State, paymentVoid.At, paymentVoid.ApprovedBy, $"{paymentVoid.Kind} {Payment.Receipt}: {paymentVoid.Reason}"));
    }

    /// <summary>The certificate issued but not written to the card was revoked.</summary>
    public void MarkUnwrittenCertificateRevoked(DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!_outstanding.Remove(Obligation.RevokeUnwrittenCertificate))
        {
            throw new InvalidTransitionException($"Application {Id} has no unwritten certificate to revoke.");
        }

        _history.Add(new StateChange(State, State, at, by, $"unwritten certificate {IssuedSerial} revoked"));
    }

    private void RequireIssuing(string action)
    {
        if (!Procedure.IssuesCertificate())
        {
            throw new InvalidTransitionException(Procedure, State, action);
        }
    }

    private void RequireOneOf(string action, params ApplicationState[] states)
    {
        if (!states.Contains(State))
        {
            throw new InvalidTransitionException(Procedure, State, action);
        }
    }

    private void Move(ApplicationState from, ApplicationState to, string action, DateTimeOffset at, string by, string? note = null)
    {
        if (State != from)
        {
            throw new InvalidTransitionException(Procedure, State, action);
        }

        Record(to, at, by, note);
    }

    private void Record(ApplicationState to, DateTimeOffset at, string by, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        _history.Add(new StateChange(State, to, at, by, note));
        State = to;
    }
}
