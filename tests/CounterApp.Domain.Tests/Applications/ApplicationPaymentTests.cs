using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Applications;

/// <summary>R-FE-02/03 on the application: when the fee may be taken, and that it is taken once.</summary>
public sealed class ApplicationPaymentTests
{
    [Theory]
    [Trait("Rule", "R-FE-02")]
    [InlineData(Procedure.NewIssuance)]
    [InlineData(Procedure.Renewal)]
    public void Pay_WhenIdentityVerified_MovesToFeePaidWithTheReceipt(Procedure procedure)
    {
        var application = Journey.Start(procedure, Act.VerifyIdentity);
        var payment = Make.Payment(procedure, sequence: 12, at: Make.At(10, 30));

        application.Pay(payment);

        Assert.Equal(ApplicationState.FeePaid, application.State);
        Assert.Same(payment, application.Payment);
        Assert.Equal(
            new StateChange(ApplicationState.IdentityVerified, ApplicationState.FeePaid, Make.At(10, 30), Make.Clerk, "001-2026-000012"),
            application.History[^1]);
    }

    [Fact]
    [Trait("Rule", "R-FE-02")]
    public void Pay_WhenSecondVisitIdentityVerified_IsAccepted()
    {
        var application = Journey.Start(Procedure.NewIssuance, Act.MailLetter, Act.ReturnAnswer, Act.VerifyIdentity);

        application.Pay(Make.Payment());

        Assert.Equal(ApplicationState.FeePaid, application.State);
    }

    [Theory]
    [Trait("Rule", "R-FE-02")]
    [InlineData(new Act[0])]
    [InlineData(new[] { Act.MailLetter })]
    [InlineData(new[] { Act.MailLetter, Act.ReturnAnswer })]
    public void Pay_WhenIdentityNotYetVerified_ThrowsIncludingWhenTheLetterIsMailed(Act[] path)
    {
        var application = Journey.Start(Procedure.NewIssuance, path);
        var state = application.State;

        Assert.Throws<InvalidTransitionException>(() => application.Pay(Make.Payment()));
        Assert.Null(application.Payment);
        Assert.Equal(state, application.State);
    }

    [Theory]
    [Trait("Rule", "R-FE-01")]
    [Trait("Rule", "R-FE-02")]
    [InlineData(Procedure.RevocationRequest)]
    [InlineData(Procedure.CompromiseNotice)]
    [InlineData(Procedure.Unlock)]
    [InlineData(Procedure.PasswordChange)]
    [InlineData(Procedure.CardPinReset)]
    public void Pay_WhenFreeProcedure_Throws(Procedure procedure)
    {
        var application = Journey.Start(procedure, Act.VerifyIdentity);
        var someFee = new Payment(Make.Receipt(), [new FeeLine(FeeItem.CertificateIssuance, 500)], Make.Clerk, Make.At(10));

        var e = Assert.Throws<InvalidTransitionException>(() => application.Pay(someFee));

        Assert.Equal(nameof(Application.Pay), e.Action);
        Assert.Null(application.Payment);
        Assert.Equal(ApplicationState.IdentityVerified, application.State);
    }

    [Fact]
    [Trait("Rule", "R-FE-03")]
    public void Pay_WhenAlreadyPaid_ThrowsAndKeepsTheFirstPayment()
    {
        var application = Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity);
        var first = Make.Payment(sequence: 1);
        application.Pay(first);

        Assert.Throws<InvalidTransitionException>(() => application.Pay(Make.Payment(sequence: 2)));

        Assert.Same(first, application.Payment);
        Assert.Single(application.History, h => h.To == ApplicationState.FeePaid);
    }

    [Theory]
    [Trait("Rule", "R-FE-03")]
    [InlineData(Act.GenerateKey)]
    [InlineData(Act.RecordIntent)]
    [InlineData(Act.IssueCertificate)]
    [InlineData(Act.WriteToCard)]
    [InlineData(Act.SetPassword)]
    public void Pay_WhenPaidAndFurtherAlong_Throws(Act upTo)
    {
        Act[] all = [Act.VerifyIdentity, Act.Pay, Act.GenerateKey, Act.RecordIntent, Act.IssueCertificate, Act.WriteToCard, Act.SetPassword];
        var application = Journey.Start(Procedure.Renewal, all[..(Array.IndexOf(all, upTo) + 1)]);
        var first = application.Payment;

        Assert.Throws<InvalidTransitionException>(() => application.Pay(Make.Payment(Procedure.Renewal, sequence: 99)));
        Assert.Same(first, application.Payment);
    }

    /// <summary>R-CE-09: the card step is offered again after a cut session, but the fee already taken stands for it.</summary>
    [Theory]
    [Trait("Rule", "R-FE-03")]
    [Trait("Rule", "R-CE-09")]
    [InlineData(Act.GenerateKey)]
    [InlineData(Act.RecordIntent)]
    [InlineData(Act.IssueCertificate)]
    [InlineData(Act.WriteToCard)]
    public void Pay_WhenBackAtTheCardStepAfterACutSession_ThrowsAndKeepsTheFirstPayment(Act cutAfter)
    {
        Act[] all = [Act.VerifyIdentity, Act.Pay, Act.GenerateKey, Act.RecordIntent, Act.IssueCertificate, Act.WriteToCard];
        var application = Journey.Start(Procedure.Renewal, [.. all[..(Array.IndexOf(all, cutAfter) + 1)], Act.ReturnToCardStep]);
        var first = application.Payment;

        Assert.Equal(ApplicationState.FeePaid, application.State);
        Assert.Throws<InvalidTransitionException>(() => application.Pay(Make.Payment(Procedure.Renewal, sequence: 99)));
        Assert.Same(first, application.Payment);
        Assert.True(application.Payment!.Stands);
        Assert.Single(application.History, h => h.From == ApplicationState.IdentityVerified && h.To == ApplicationState.FeePaid);
    }

    [Fact]
    [Trait("Rule", "R-FE-03")]
    public void Pay_WhenFailedAndVoided_CannotBeTakenAgainOnTheSameApplication()
    {
        var application = Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity, Act.Pay, Act.Fail, Act.VoidPayment);

        Assert.Throws<InvalidTransitionException>(() => application.Pay(Make.Payment(sequence: 8)));
        Assert.False(application.Payment!.Stands);
    }

    [Fact]
    [Trait("Rule", "R-FE-01")]
    public void Pay_WhenNewResidentCardToo_KeepsBothLines()
    {
        var application = Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity);

        application.Pay(Make.Payment(newResidentCard: true));

        Assert.Equal(1000, application.Payment!.Total);
        Assert.Equal([FeeItem.CertificateIssuance, FeeItem.ResidentCard], application.Payment.Lines.Select(l => l.Item));
    }

    [Fact]
    public void Pay_WhenNoLines_ThrowsArgumentException()
    {
        var application = Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity);

        Assert.Throws<ArgumentException>(() => application.Pay(new Payment(Make.Receipt(), [], Make.Clerk, Make.At(10))));
        Assert.Equal(ApplicationState.IdentityVerified, application.State);
        Assert.Null(application.Payment);
    }

    [Fact]
    public void Pay_WhenTotalIsZero_ThrowsArgumentException()
    {
        var application = Journey.Start(Procedure.NewIssuance, Act.VerifyIdentity);

        Assert.Throws<ArgumentException>(() => application.Pay(new Payment(Make.Receipt(), [new FeeLine(FeeItem.CertificateIssuance, 0)], Make.Clerk, Make.At(10))));
        Assert.Null(application.Payment);
    }
}
