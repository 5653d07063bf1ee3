using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Applications;

/// <summary>
/// What a failure leaves owing: a standing fee is voided or refunded with a second person's approval (R-FE-03), a
/// certificate issued but not written is revoked, and only then is the application settled. Since R-CE-09 a card
/// session cannot fail (it returns to the card step first, see ApplicationCardSessionTests); failures from inside it
/// exist only as legacy rows, rebuilt here through Restore (<see cref="Legacy"/>).
/// </summary>
[Trait("Rule", "R-FE-03")]
public sealed class ApplicationFailureTests
{
    private static readonly Act[] Paid = [Act.VerifyIdentity, Act.Pay];
    private static readonly Act[] Issued = [.. Paid, Act.GenerateKey, Act.RecordIntent, Act.IssueCertificate];
    private static readonly Act[] PasswordSet = [.. Issued, Act.WriteToCard, Act.SetPassword];

    public static TheoryData<Act[]> BeforePayment => new(
        [],
        [Act.MailLetter],
        [Act.MailLetter, Act.ReturnAnswer],
        [Act.VerifyIdentity],
        [Act.MailLetter, Act.ReturnAnswer, Act.VerifyIdentity]);

    [Theory]
    [MemberData(nameof(BeforePayment))]
    public void Fail_WhenBeforePayment_OwesNothingAndIsSettled(Act[] path)
    {
        var application = Journey.Start(Procedure.NewIssuance, path);

        application.Fail("照会書の有効期限切れ", Make.At(15), Make.Clerk);

        Assert.Equal(ApplicationState.Failed, application.State);
        Assert.Empty(application.Outstanding);
        Assert.True(application.IsSettled);
        Assert.Equal("照会書の有効期限切れ", application.History[^1].Note);
    }

    /// <summary>Was a theory over Pay and GenerateKey: failing at KeyGenerated is now refused (R-CE-09), the paid card step remains.</summary>
    [Theory]
    [InlineData(Act.Pay)]
    [InlineData(Act.ReturnToCardStep)]
    public void Fail_WhenPaidButNoCertificateIssued_OwesOnlyTheVoidOrRefund(Act lastStep)
    {
        Act[] path = lastStep == Act.Pay ? Paid : [.. Paid, Act.GenerateKey, Act.ReturnToCardStep];
        var application = Journey.Start(Procedure.NewIssuance, path);

        application.Fail("CAに接続できない", Make.At(15), Make.Clerk);

        Assert.Equal([Obligation.VoidOrRefundFee], application.Outstanding);
        Assert.True(application.IsClosed);
        Assert.False(application.IsSettled);
    }

    /// <summary>Failing an issued certificate is refused since R-CE-09; a legacy row that did so still owes and settles both.</summary>
    [Theory]
    [InlineData(Procedure.NewIssuance)]
    [InlineData(Procedure.Renewal)]
    public void LegacyFailure_WhenIssuedButNotWritten_OwesTheVoidAndTheRevocationUntilSettled(Procedure procedure)
    {
        var application = Journey.Restored(procedure, Legacy.FailedAfterIssuance);

        Assert.Equal([Obligation.VoidOrRefundFee, Obligation.RevokeUnwrittenCertificate], application.Outstanding.Order());
        Assert.False(application.IsSettled);

        application.MarkUnwrittenCertificateRevoked(Make.At(15, 5), Make.Supervisor);
        Assert.Equal([Obligation.VoidOrRefundFee], application.Outstanding);
        Assert.Contains(Journey.Serial, application.History[^1].Note, StringComparison.Ordinal);
        Assert.False(application.IsSettled);

        application.VoidPayment(Make.Void(at: Make.At(15, 10)));
        Assert.Empty(application.Outstanding);
        Assert.True(application.IsSettled);
    }

    /// <summary>Failing a written certificate is refused since R-CE-09; a legacy row that did so owes nothing, its fee stands.</summary>
    [Fact]
    public void LegacyFailure_WhenNewIssuanceAlreadyOnTheCard_OwesNothingAndTheFeeStands()
    {
        var application = Journey.Restored(Procedure.NewIssuance, Legacy.FailedAfterWriting);

        Assert.Empty(application.Outstanding);
        Assert.True(application.Payment!.Stands);
        Assert.True(application.IsSettled);
        Assert.Throws<InvalidTransitionException>(() => application.VoidPayment(Make.Void()));
        Assert.Throws<InvalidTransitionException>(() => application.MarkUnwrittenCertificateRevoked(Make.At(15, 5), Make.Clerk));
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void LegacyFailure_WhenRenewalAlreadyOnTheCard_StillOwesTheSupersessionAndCanSettleIt()
    {
        var application = Journey.Restored(Procedure.Renewal, Legacy.FailedAfterWriting);

        Assert.Equal([Obligation.SupersedeOldCertificate], application.Outstanding);
        Assert.False(application.IsSettled);

        application.MarkOldCertificateSuperseded(Make.At(15, 30), Make.Clerk);

        Assert.Empty(application.Outstanding);
        Assert.True(application.IsSettled);
        Assert.Equal(ApplicationState.Failed, application.State);
    }

    [Theory]
    [InlineData(Act.Complete)]
    [InlineData(Act.Refuse)]
    [InlineData(Act.Cancel)]
    [InlineData(Act.Fail)]
    public void Fail_WhenAlreadyClosed_Throws(Act ending)
    {
        Act[] path = ending switch
        {
            Act.Complete => [.. PasswordSet, Act.Complete],
            _ => [Act.VerifyIdentity, ending],
        };
        var application = Journey.Start(Procedure.NewIssuance, path);
        var state = application.State;

        var e = Assert.Throws<InvalidTransitionException>(() => application.Fail("again", Make.At(16), Make.Clerk));

        Assert.Equal(state, e.From);
        Assert.Equal(state, application.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Fail_WhenNoReason_Throws(string reason)
    {
        var application = Journey.Start(Procedure.NewIssuance, Paid);

        Assert.ThrowsAny<ArgumentException>(() => application.Fail(reason, Make.At(15), Make.Clerk));
        Assert.Equal(ApplicationState.FeePaid, application.State);
        Assert.Empty(application.Outstanding);
    }

    [Theory]
    [InlineData(PaymentVoidKind.Void)]
    [InlineData(PaymentVoidKind.Refund)]
    public void VoidPayment_WhenApprovedByAnotherPerson_VoidsRecordsAndSettles(PaymentVoidKind kind)
    {
        var application = Journey.Start(Procedure.NewIssuance, [.. Paid, Act.Fail]);
        var paymentVoid = Make.Void(kind, "鍵生成に失敗", requestedBy: "clerk-a", approvedBy: "supervisor-b", at: Make.At(15, 20));

        application.VoidPayment(paymentVoid);

        Assert.False(application.Payment!.Stands);
        Assert.Equal(paymentVoid, application.Payment.Void);
        Assert.Equal("001-2026-000007", application.Payment.Receipt.ToString());
        Assert.Empty(application.Outstanding);
        Assert.True(application.IsSettled);
        Assert.Equal(
            new StateChange(ApplicationState.Failed, ApplicationState.Failed, Make.At(15, 20), "supervisor-b", $"{kind} 001-2026-000007: 鍵生成に失敗"),
            application.History[^1]);
    }

    [Fact]
    public void VoidPayment_WhenApproverIsTheRequester_ThrowsAndStillOwesIt()
    {
        var application = Journey.Start(Procedure.NewIssuance, [.. Paid, Act.Fail]);

        var e = Assert.Throws<InvalidOperationException>(() => application.VoidPayment(Make.Void(requestedBy: "clerk-a", approvedBy: "clerk-a")));

        Assert.IsNotType<InvalidTransitionException>(e);
        Assert.True(application.Payment!.Stands);
        Assert.Equal([Obligation.VoidOrRefundFee], application.Outstanding);
    }

    [Theory]
    [InlineData("clerk-a", "")]
    [InlineData("clerk-a", "  ")]
    [InlineData("", "supervisor-b")]
    [InlineData(" ", "supervisor-b")]
    public void VoidPayment_WhenRequesterOrApproverIsMissing_ThrowsAndStillOwesIt(string requestedBy, string approvedBy)
    {
        var application = Journey.Start(Procedure.NewIssuance, [.. Paid, Act.Fail]);

        Assert.ThrowsAny<ArgumentException>(() => application.VoidPayment(Make.Void(requestedBy: requestedBy, approvedBy: approvedBy)));

        Assert.True(application.Payment!.Stands);
        Assert.Equal([Obligation.VoidOrRefundFee], application.Outstanding);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void VoidPayment_WhenNoReason_Throws(string reason)
    {
        var application = Journey.Start(Procedure.NewIssuance, [.. Paid, Act.Fail]);

        Assert.ThrowsAny<ArgumentException>(() => application.VoidPayment(Make.Void(reason: reason)));
        Assert.True(application.Payment!.Stands);
    }

    [Fact]
    public void VoidPayment_WhenTheApplicationHasNotFailed_Throws()
    {
        var application = Journey.Start(Procedure.NewIssuance, Paid);

        Assert.Throws<InvalidTransitionException>(() => application.VoidPayment(Make.Void()));
        Assert.True(application.Payment!.Stands);
        Assert.Equal(ApplicationState.FeePaid, application.State);
    }

    [Fact]
    public void VoidPayment_WhenAlreadyVoided_Throws()
    {
        var application = Journey.Start(Procedure.NewIssuance, [.. Paid, Act.Fail, Act.VoidPayment]);
        var voided = application.Payment;

        Assert.Throws<InvalidTransitionException>(() => application.VoidPayment(Make.Void(PaymentVoidKind.Refund)));
        Assert.Same(voided, application.Payment);
    }

    [Fact]
    public void MarkUnwrittenCertificateRevoked_WhenFailedBeforeIssuance_Throws()
    {
        var application = Journey.Start(Procedure.NewIssuance, [.. Paid, Act.Fail]);

        Assert.Throws<InvalidTransitionException>(() => application.MarkUnwrittenCertificateRevoked(Make.At(15), Make.Clerk));
        Assert.Equal([Obligation.VoidOrRefundFee], application.Outstanding);
    }

    [Fact]
    [Trait("Rule", "R-CE-09")]
    public void MarkUnwrittenCertificateRevoked_WhenFailedAfterAReturnToTheCardStep_ThrowsBecauseTheReturnRevokedIt()
    {
        var application = Journey.Start(Procedure.NewIssuance, [.. Issued, Act.ReturnToCardStep, Act.Fail]);

        Assert.Throws<InvalidTransitionException>(() => application.MarkUnwrittenCertificateRevoked(Make.At(15), Make.Clerk));
        Assert.Equal([Obligation.VoidOrRefundFee], application.Outstanding);
        Assert.Null(application.IssuedSerial);
    }

    [Fact]
    [Trait("Rule", "R-X-01")]
    public void MarkUnwrittenCertificateRevoked_WhenNobodyIsNamed_ThrowsAndStillOwesIt()
    {
        var application = Journey.Restored(Procedure.NewIssuance, Legacy.FailedAfterIssuance);

        Assert.ThrowsAny<ArgumentException>(() => application.MarkUnwrittenCertificateRevoked(Make.At(15), ""));
        Assert.Contains(Obligation.RevokeUnwrittenCertificate, application.Outstanding);
    }

    [Theory]
    [InlineData(Procedure.NewIssuance)]
    [InlineData(Procedure.Unlock)]
    public void IsSettled_WhenStillOpen_IsFalseEvenWithNothingOwed(Procedure procedure)
    {
        var application = Journey.Start(procedure, Act.VerifyIdentity);

        Assert.Empty(application.Outstanding);
        Assert.False(application.IsClosed);
        Assert.False(application.IsSettled);
    }
}
