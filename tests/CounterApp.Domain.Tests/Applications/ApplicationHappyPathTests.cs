using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Applications;

/// <summary>The journeys the counter makes every day, each step checked in the history.</summary>
public sealed class ApplicationHappyPathTests
{
    private static readonly DateOnly FirstVisit = new(2026, 11, 20);
    private static readonly DateOnly SecondVisit = new(2026, 12, 3);

    /// <summary>Since R-CE-09 the journey records the intent before the CA signs and the password before completion.</summary>
    [Fact]
    [Trait("Rule", "R-VI-01")]
    [Trait("Rule", "R-FE-02")]
    [Trait("Rule", "R-CE-09")]
    public void Complete_WhenSameDayIssuance_RecordsEveryStepInOrder()
    {
        var id = Guid.NewGuid();
        var application = Application.Receive(id, Procedure.NewIssuance, ApplicantKind.InPerson, Make.ResidentCode, Make.At(9, 0), Make.Clerk);
        var payment = Make.Payment(Procedure.NewIssuance, sequence: 42, at: Make.At(9, 10));

        application.MarkIdentityVerified(Make.At(9, 5), Make.Clerk);
        application.Pay(payment);
        application.MarkKeyGenerated(Make.At(9, 12), Make.Clerk);
        application.RecordIssuanceIntent(Journey.Intent, Make.At(9, 12), Make.Clerk);
        application.MarkCertificateIssued("1F2E3D4C", Make.At(9, 13), Make.Clerk);
        application.MarkWrittenToCard(Make.At(9, 14), Make.Clerk);
        application.MarkPasswordSet(Make.At(9, 14), Make.Clerk);
        application.Complete(Make.At(9, 15), Make.Clerk);

        Assert.Equal(id, application.Id);
        Assert.Equal(Make.ResidentCode, application.ResidentCode);
        Assert.Equal(ApplicationState.Completed, application.State);
        Assert.True(application.IsClosed);
        Assert.True(application.IsSettled);
        Assert.Empty(application.Outstanding);
        Assert.Same(payment, application.Payment);
        Assert.True(application.Payment!.Stands);
        Assert.Equal(500, application.Payment.Total);
        Assert.Equal("1F2E3D4C", application.IssuedSerial);
        Assert.Equal(Journey.Intent, application.Intent);
        Assert.Equal(
            [
                new StateChange(ApplicationState.Received, ApplicationState.Received, Make.At(9, 0), Make.Clerk, "received"),
                new StateChange(ApplicationState.Received, ApplicationState.IdentityVerified, Make.At(9, 5), Make.Clerk),
                new StateChange(ApplicationState.IdentityVerified, ApplicationState.FeePaid, Make.At(9, 10), Make.Clerk, "001-2026-000042"),
                new StateChange(ApplicationState.FeePaid, ApplicationState.KeyGenerated, Make.At(9, 12), Make.Clerk),
                new StateChange(ApplicationState.KeyGenerated, ApplicationState.Issuing, Make.At(9, 12), Make.Clerk, $"request {Journey.Intent.RequestId}"),
                new StateChange(ApplicationState.Issuing, ApplicationState.CertificateIssued, Make.At(9, 13), Make.Clerk, "1F2E3D4C"),
                new StateChange(ApplicationState.CertificateIssued, ApplicationState.WrittenToCard, Make.At(9, 14), Make.Clerk),
                new StateChange(ApplicationState.WrittenToCard, ApplicationState.PasswordSet, Make.At(9, 14), Make.Clerk),
                new StateChange(ApplicationState.PasswordSet, ApplicationState.Completed, Make.At(9, 15), Make.Clerk),
            ],
            application.History);
    }

    [Fact]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-VI-03")]
    [Trait("Rule", "R-FE-02")]
    public void Complete_WhenTwoVisits_TakesTheFeeAtTheSecondVisitNotWhenTheLetterIsMailed()
    {
        var application = Application.Receive(
            Guid.NewGuid(), Procedure.NewIssuance, ApplicantKind.Proxy, Make.ResidentCode, Make.At(FirstVisit, 10, 0), "clerk-a");

        application.MarkInquiryLetterMailed(Make.At(FirstVisit, 10, 20), "clerk-a");
        Assert.Equal(ApplicationState.InquiryLetterMailed, application.State);
        Assert.Null(application.Payment);
        Assert.False(application.IsClosed);

        application.MarkAnswerReturned(Make.At(SecondVisit, 14, 0), "clerk-b");
        application.MarkIdentityVerified(Make.At(SecondVisit, 14, 5), "clerk-b");
        application.Pay(new Payment(Make.Receipt(3), FeeRules.LinesFor(Procedure.NewIssuance, false, FeeSchedule.Default), "clerk-b", Make.At(SecondVisit, 14, 10)));
        application.MarkKeyGenerated(Make.At(SecondVisit, 14, 12), "clerk-b");
        application.RecordIssuanceIntent(Journey.Intent, Make.At(SecondVisit, 14, 12), "clerk-b");
        application.MarkCertificateIssued("00AB", Make.At(SecondVisit, 14, 13), "clerk-b");
        application.MarkWrittenToCard(Make.At(SecondVisit, 14, 14), "clerk-b");
        application.MarkPasswordSet(Make.At(SecondVisit, 14, 14), "clerk-b");
        application.Complete(Make.At(SecondVisit, 14, 15), "clerk-b");

        Assert.Equal(ApplicationState.Completed, application.State);
        Assert.True(application.IsSettled);
        Assert.Equal(ApplicantKind.Proxy, application.Applicant);
        Assert.Equal(SecondVisit, DateOnly.FromDateTime(application.Payment!.PaidAt.DateTime));
        Assert.Equal(
            [
                ApplicationState.Received,
                ApplicationState.InquiryLetterMailed,
                ApplicationState.AnswerReturned,
                ApplicationState.IdentityVerified,
                ApplicationState.FeePaid,
                ApplicationState.KeyGenerated,
                ApplicationState.Issuing,
                ApplicationState.CertificateIssued,
                ApplicationState.WrittenToCard,
                ApplicationState.PasswordSet,
                ApplicationState.Completed,
            ],
            application.History.Select(h => h.To));
        Assert.Equal(application.History.Select(h => h.To).SkipLast(1), application.History.Skip(1).Select(h => h.From));
        Assert.Equal(["clerk-a", "clerk-a", "clerk-b"], application.History.Take(3).Select(h => h.By));
        Assert.Equal(Make.At(SecondVisit, 14, 0), application.History[2].At);
    }

    /// <summary>The obligation arises when the new certificate is written; since R-CE-09 the renewal completes from PasswordSet.</summary>
    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void Complete_WhenRenewal_NeedsTheOldCertificateSupersededFirst()
    {
        var application = Journey.Start(Procedure.Renewal, Act.VerifyIdentity, Act.Pay, Act.GenerateKey, Act.RecordIntent, Act.IssueCertificate, Act.WriteToCard);
        Assert.Equal([Obligation.SupersedeOldCertificate], application.Outstanding);
        application.MarkPasswordSet(Make.At(14, 59), Make.Clerk);

        Assert.Equal([Obligation.SupersedeOldCertificate], application.Outstanding);
        Assert.Throws<InvalidTransitionException>(() => application.Complete(Make.At(15), Make.Clerk));
        Assert.Equal(ApplicationState.PasswordSet, application.State);

        application.MarkOldCertificateSuperseded(Make.At(15, 1), Make.Clerk);

        Assert.Empty(application.Outstanding);
        Assert.Equal(ApplicationState.PasswordSet, application.State);
        Assert.Equal(
            new StateChange(ApplicationState.PasswordSet, ApplicationState.PasswordSet, Make.At(15, 1), Make.Clerk, "old certificate superseded"),
            application.History[^1]);

        application.Complete(Make.At(15, 2), Make.Clerk);

        Assert.Equal(ApplicationState.Completed, application.State);
        Assert.True(application.IsSettled);
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void MarkOldCertificateSuperseded_WhenNewCertificateNotYetOnTheCard_Throws()
    {
        var application = Journey.Start(Procedure.Renewal, Act.VerifyIdentity, Act.Pay, Act.GenerateKey, Act.RecordIntent, Act.IssueCertificate);

        Assert.Throws<InvalidTransitionException>(() => application.MarkOldCertificateSuperseded(Make.At(15), Make.Clerk));
        Assert.Equal(ApplicationState.CertificateIssued, application.State);
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void MarkOldCertificateSuperseded_WhenTwice_Throws()
    {
        var application = Journey.Start(Procedure.Renewal, Act.VerifyIdentity, Act.Pay, Act.GenerateKey, Act.RecordIntent, Act.IssueCertificate, Act.WriteToCard, Act.SetPassword, Act.SupersedeOld);
        var entries = application.History.Count;

        Assert.Throws<InvalidTransitionException>(() => application.MarkOldCertificateSuperseded(Make.At(15), Make.Clerk));
        Assert.Equal(entries, application.History.Count);
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void MarkOldCertificateSuperseded_WhenNewIssuance_ThrowsBecauseThereIsNoOldCertificate()
    {
        var application = Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity, Act.Pay, Act.GenerateKey, Act.RecordIntent, Act.IssueCertificate, Act.WriteToCard);

        Assert.Empty(application.Outstanding);
        Assert.Throws<InvalidTransitionException>(() => application.MarkOldCertificateSuperseded(Make.At(15), Make.Clerk));
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public void MarkOldCertificateSuperseded_WhenNobodyIsNamed_ThrowsAndStillOwesTheSupersession()
    {
        var application = Journey.Start(Procedure.Renewal, Act.VerifyIdentity, Act.Pay, Act.GenerateKey, Act.RecordIntent, Act.IssueCertificate, Act.WriteToCard);

        Assert.ThrowsAny<ArgumentException>(() => application.MarkOldCertificateSuperseded(Make.At(15), " "));
        Assert.Equal([Obligation.SupersedeOldCertificate], application.Outstanding);
    }

    [Theory]
    [Trait("Rule", "R-FE-01")]
    [InlineData(Procedure.RevocationRequest)]
    [InlineData(Procedure.CompromiseNotice)]
    [InlineData(Procedure.Unlock)]
    [InlineData(Procedure.PasswordChange)]
    [InlineData(Procedure.CardPinReset)]
    public void Complete_WhenFreeProcedure_GoesFromIdentityStraightToCompletedWithoutFee(Procedure procedure)
    {
        var application = Make.Received(procedure);

        application.MarkIdentityVerified(Make.At(10), Make.Clerk);
        application.Complete(Make.At(10, 5), Make.Clerk);

        Assert.Equal(ApplicationState.Completed, application.State);
        Assert.True(application.IsSettled);
        Assert.Null(application.Payment);
        Assert.Null(application.IssuedSerial);
        Assert.Equal(
            [ApplicationState.Received, ApplicationState.IdentityVerified, ApplicationState.Completed],
            application.History.Select(h => h.To));
    }

    [Fact]
    public void Refuse_WhenRulesAreBroken_KeepsEveryBrokenRuleAndNamesThemInTheHistory()
    {
        var application = Make.Received(Procedure.NewIssuance);
        var decision = Journey.Refusal();

        application.Refuse(decision, Make.At(9, 30), Make.Clerk);

        Assert.Equal(ApplicationState.Refused, application.State);
        Assert.Equal(decision.BrokenRules, application.RefusedFor);
        Assert.Equal(2, application.RefusedFor.Count);
        Assert.Equal("R-ID-05, R-PX-03", application.History[^1].Note);
        Assert.True(application.IsSettled);
    }

    [Fact]
    public void Refuse_WhenNothingIsBroken_ThrowsAndLeavesTheApplicationOpen()
    {
        var application = Make.Received(Procedure.NewIssuance);

        Assert.Throws<ArgumentException>(() => application.Refuse(Decision.Allowed, Make.At(9, 30), Make.Clerk));
        Assert.Equal(ApplicationState.Received, application.State);
        Assert.Single(application.History);
    }

    [Fact]
    public void Cancel_WhenTheApplicantWithdraws_RecordsTheReason()
    {
        var application = Journey.Start(Procedure.NewIssuance, Act.MailLetter);

        application.Cancel("本人が来庁できなくなった", Make.At(16), Make.Clerk);

        Assert.Equal(ApplicationState.Cancelled, application.State);
        Assert.Equal(
            new StateChange(ApplicationState.InquiryLetterMailed, ApplicationState.Cancelled, Make.At(16), Make.Clerk, "本人が来庁できなくなった"),
            application.History[^1]);
        Assert.True(application.IsSettled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Cancel_WhenNoReason_Throws(string reason)
    {
        var application = Make.Received(Procedure.NewIssuance);

        Assert.ThrowsAny<ArgumentException>(() => application.Cancel(reason, Make.At(16), Make.Clerk));
        Assert.Equal(ApplicationState.Received, application.State);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public void AnyStep_WhenNobodyIsNamed_ThrowsAndRecordsNothing()
    {
        var application = Make.Received(Procedure.NewIssuance);

        Assert.ThrowsAny<ArgumentException>(() => application.MarkIdentityVerified(Make.At(9), ""));
        Assert.ThrowsAny<ArgumentException>(() => Application.Receive(Guid.NewGuid(), Procedure.NewIssuance, ApplicantKind.InPerson, Make.ResidentCode, Make.At(9), " "));
        Assert.ThrowsAny<ArgumentException>(() => Application.Receive(Guid.NewGuid(), Procedure.NewIssuance, ApplicantKind.InPerson, "", Make.At(9), Make.Clerk));
        Assert.Equal(ApplicationState.Received, application.State);
        Assert.Single(application.History);
    }

    [Fact]
    public void Receive_WhenNew_StartsReceivedWithOneHistoryEntry()
    {
        var application = Make.Received(Procedure.Renewal, ApplicantKind.Proxy);

        Assert.Equal(ApplicationState.Received, application.State);
        Assert.Equal(Procedure.Renewal, application.Procedure);
        Assert.Equal(ApplicantKind.Proxy, application.Applicant);
        Assert.False(application.IsClosed);
        Assert.False(application.IsSettled);
        Assert.Empty(application.RefusedFor);
        Assert.Equal(new StateChange(ApplicationState.Received, ApplicationState.Received, Make.At(9), Make.Clerk, "received"), Assert.Single(application.History));
    }
}
