using CounterApp.Domain.Applications;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Applications;

/// <summary>An application saved at any step comes back exactly as it was, and keeps guarding its transitions.</summary>
public sealed class ApplicationRestoreTests
{
    private static readonly Act[] Paid = [Act.VerifyIdentity, Act.Pay];
    private static readonly Act[] Keyed = [.. Paid, Act.GenerateKey];
    private static readonly Act[] Intended = [.. Keyed, Act.RecordIntent];
    private static readonly Act[] Issued = [.. Intended, Act.IssueCertificate];
    private static readonly Act[] Written = [.. Issued, Act.WriteToCard];
    private static readonly Act[] PasswordDone = [.. Written, Act.SetPassword];

    /// <summary>
    /// Saved rows. Since R-CE-09 the "failed after issuance / key generation" rows are legacy (see <see cref="Legacy"/>,
    /// <see cref="Restore_WhenALegacyRow_RebuildsTheSameApplication"/>); the new card-session states take their place.
    /// </summary>
    public static TheoryData<Procedure, Act[]> Saved => new()
    {
        { Procedure.NewIssuance, [] },
        { Procedure.NewIssuance, Paid },
        { Procedure.NewIssuance, [.. Paid, Act.Fail, Act.VoidPayment] },
        { Procedure.Renewal, Written },
        { Procedure.Renewal, [.. PasswordDone, Act.SupersedeOld, Act.Complete] },
        { Procedure.NewIssuance, [Act.Refuse] },
        { Procedure.NewIssuance, Keyed },
        { Procedure.NewIssuance, Intended },
        { Procedure.Renewal, Intended },
        { Procedure.NewIssuance, Issued },
        { Procedure.Renewal, Issued },
        { Procedure.NewIssuance, Written },
        { Procedure.NewIssuance, PasswordDone },
        { Procedure.Renewal, PasswordDone },
        { Procedure.Renewal, [.. PasswordDone, Act.SupersedeOld] },
        { Procedure.NewIssuance, [.. PasswordDone, Act.Complete] },
        { Procedure.NewIssuance, [.. Keyed, Act.ReturnToCardStep] },
        { Procedure.NewIssuance, [.. Intended, Act.ReturnToCardStep] },
        { Procedure.NewIssuance, [.. Issued, Act.ReturnToCardStep] },
        { Procedure.Renewal, [.. Written, Act.ReturnToCardStep] },
        { Procedure.Renewal, [.. Written, Act.ReturnToCardStep, Act.GenerateKey] },
        { Procedure.NewIssuance, [.. Written, Act.ReturnToCardStep, Act.GenerateKey, Act.RecordIntent] },
        { Procedure.NewIssuance, [.. Issued, Act.ReturnToCardStep, .. PasswordDone[2..], Act.Complete] },
        { Procedure.NewIssuance, [.. Issued, Act.ReturnToCardStep, Act.Fail] },
        { Procedure.Renewal, [.. Written, Act.ReturnToCardStep, Act.Fail, Act.VoidPayment] },
    };

    [Theory]
    [MemberData(nameof(Saved))]
    public void Restore_WhenSavedAtAnyStep_RebuildsTheSameApplication(Procedure procedure, Act[] path)
    {
        var original = Journey.Start(procedure, path);

        var restored = Copy(original);

        Assert.Equal(original.State, restored.State);
        Assert.Equal(original.History, restored.History);
        Assert.Equal(original.Payment, restored.Payment);
        Assert.Equal(original.IssuedSerial, restored.IssuedSerial);
        Assert.Equal(original.Intent, restored.Intent);
        Assert.Equal(original.RefusedFor, restored.RefusedFor);
        Assert.Equal(original.Outstanding.Order(), restored.Outstanding.Order());
        Assert.Equal(original.IsSettled, restored.IsSettled);
        Assert.Equal(original.IsIssuing, restored.IsIssuing);
    }

    public static TheoryData<Procedure, Legacy> LegacyRows => new()
    {
        { Procedure.NewIssuance, Legacy.FailedAfterKeyGeneration },
        { Procedure.NewIssuance, Legacy.FailedAfterIssuance },
        { Procedure.Renewal, Legacy.FailedAfterIssuance },
        { Procedure.NewIssuance, Legacy.FailedAfterWriting },
        { Procedure.Renewal, Legacy.FailedAfterWriting },
        { Procedure.Renewal, Legacy.FailedAfterSupersession },
    };

    /// <summary>Rows the machine before R-CE-09 saved (a failure inside the card session, no intent) still load and round-trip.</summary>
    [Theory]
    [MemberData(nameof(LegacyRows))]
    [Trait("Rule", "R-CE-09")]
    public void Restore_WhenALegacyRow_RebuildsTheSameApplication(Procedure procedure, Legacy legacy)
    {
        var original = Journey.Restored(procedure, legacy);

        var restored = Copy(original);

        Assert.Equal(ApplicationState.Failed, restored.State);
        Assert.Equal(original.History, restored.History);
        Assert.Equal(original.IssuedSerial, restored.IssuedSerial);
        Assert.Null(restored.Intent);
        Assert.Equal(original.Outstanding.Order(), restored.Outstanding.Order());
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void Restore_WhenARenewalWasWritten_StillRefusesToCompleteBeforeSupersession()
    {
        var restored = Copy(Journey.Start(Procedure.Renewal, PasswordDone));

        Assert.Throws<InvalidTransitionException>(() => restored.Complete(Make.At(14), Make.Clerk));
        restored.MarkOldCertificateSuperseded(Make.At(14), Make.Clerk);
        restored.Complete(Make.At(14), Make.Clerk);
        Assert.Equal(ApplicationState.Completed, restored.State);
    }

    [Fact]
    [Trait("Rule", "R-FE-03")]
    public void Restore_WhenPaid_StillRefusesASecondPayment()
    {
        var restored = Copy(Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity, Act.Pay));

        Assert.Throws<InvalidTransitionException>(() => restored.Pay(Make.Payment(sequence: 8)));
    }

    [Fact]
    public void Restore_WhenTheHistoryEndsElsewhere_Throws()
    {
        var original = Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity);

        Assert.Throws<ArgumentException>(() => Application.Restore(
            original.Id, original.Procedure, original.Applicant, original.ResidentCode, ApplicationState.FeePaid, original.History));
    }

    [Fact]
    public void Restore_WhenPaidWithoutAPayment_Throws()
    {
        var original = Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity, Act.Pay);

        Assert.Throws<ArgumentException>(() => Application.Restore(
            original.Id, original.Procedure, original.Applicant, original.ResidentCode, original.State, original.History));
    }

    [Fact]
    public void Restore_WhenIssuedWithoutASerial_Throws()
    {
        var original = Journey.Start(Procedure.NewIssuance, Issued);

        var e = Assert.Throws<ArgumentException>(() => Application.Restore(
            original.Id, original.Procedure, original.Applicant, original.ResidentCode, original.State, original.History, original.Payment,
            intent: original.Intent));
        Assert.Equal("issuedSerial", e.ParamName);
    }

    [Fact]
    public void Restore_WhenAnObligationCannotBeOwedInThatState_Throws()
    {
        var original = Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity, Act.Pay);

        Assert.Throws<ArgumentException>(() => Application.Restore(
            original.Id, original.Procedure, original.Applicant, original.ResidentCode, original.State, original.History, original.Payment,
            outstanding: [Obligation.VoidOrRefundFee]));
    }

    [Fact]
    public void Restore_WhenRefusedWithoutRules_Throws()
    {
        var original = Journey.Start(Procedure.NewIssuance, Act.Refuse);

        Assert.Throws<ArgumentException>(() => Application.Restore(
            original.Id, original.Procedure, original.Applicant, original.ResidentCode, original.State, original.History));
    }

    [Fact]
    public void Restore_WhenTheHistoryIsEmpty_Throws() =>
        Assert.Throws<ArgumentException>(() => Application.Restore(
            Guid.NewGuid(), Procedure.NewIssuance, ApplicantKind.InPerson, Make.ResidentCode, ApplicationState.Received, []));

    [Fact]
    [Trait("Rule", "R-EL-01")]
    public void MarkEligible_WhenAllowed_IsKeptInTheHistoryAndSurvivesRestore()
    {
        var application = Make.Received(Procedure.NewIssuance);

        application.MarkEligible(Decision.Allowed, Make.At(9, 5), Make.Clerk);
        application.MarkEligible(Decision.Allowed, Make.At(9, 6), Make.Clerk);

        Assert.True(application.IsEligibilityConfirmed);
        Assert.Equal(ApplicationState.Received, application.State);
        Assert.Equal(2, application.History.Count);
        Assert.True(Copy(application).IsEligibilityConfirmed);
    }

    [Fact]
    public void MarkEligible_WhenARuleIsBroken_Throws() =>
        Assert.Throws<ArgumentException>(() => Make.Received(Procedure.NewIssuance).MarkEligible(Journey.Refusal(), Make.At(9), Make.Clerk));

    [Fact]
    public void MarkEligible_WhenPastReceived_Throws() =>
        Assert.Throws<InvalidTransitionException>(() => Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity).MarkEligible(Decision.Allowed, Make.At(9), Make.Clerk));

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void MarkEligible_WhenASupervisorSetCounterHoursAside_NamesTheOverrideInTheHistory()
    {
        var application = Make.Received(Procedure.NewIssuance);
        var setAside = new BrokenRule("R-HR-01", "time", "閉庁時間です。");
        var decision = new Decision([], [new AppliedOverride("R-HR-03", setAside, "supervisor2", "窓口延長の承認")]);

        application.MarkEligible(decision, Make.At(17, 40), Make.Clerk);

        var notes = Copy(application).History.Select(h => h.Note).ToList();
        Assert.Contains("override R-HR-03 set aside R-HR-01, approved by supervisor2: 窓口延長の承認", notes);
        Assert.Equal(Application.EligibleNote, notes[^1]);
        Assert.True(application.IsEligibilityConfirmed);
    }

    [Fact]
    [Trait("Rule", "R-ID-02")]
    public void MarkIdentityVerified_WhenAnAddressOverrideWasUsed_NamesItBeforeTheStep()
    {
        var application = Make.Received(Procedure.NewIssuance);
        application.MarkEligible(Decision.Allowed, Make.At(9), Make.Clerk);

        application.MarkIdentityVerified(Make.At(9, 10), Make.Clerk, [new SupervisorOverride("R-ID-02", "supervisor2", new string('理', 500))]);

        var restored = Copy(application);
        Assert.Equal(ApplicationState.IdentityVerified, restored.State);
        var note = restored.History[^2].Note!;
        Assert.StartsWith("override R-ID-02, approved by supervisor2: 理", note, StringComparison.Ordinal);
        Assert.Equal(StateChange.NoteMaxLength, note.Length);
        Assert.Equal(ApplicationState.Received, restored.History[^2].To);
    }

    private static Application Copy(Application a) => Journey.Copy(a);
}
