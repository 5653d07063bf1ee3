using CounterApp.Domain.Applications;
using CounterApp.Domain.Tests.Support;
using CounterApp.Domain.Visits;

namespace CounterApp.Domain.Tests.Applications;

/// <summary>
/// Section 6 of issue 13: the application itself refuses payment and the card steps its visit decision forbids, with
/// the rule IDs, whatever its caller checked (these tests call it directly, with no handler and no VisitRules).
/// </summary>
public sealed class ApplicationVisitTests
{
    [Fact]
    [Trait("Rule", "R-VI-03")]
    [Trait("Rule", "R-FE-02")]
    public void Pay_WhenProxyFirstVisit_ThrowsNamingRVI03AndRFE02AndTakesNothing()
    {
        var application = Make.Received(Procedure.NewIssuance, ApplicantKind.Proxy);
        application.MarkIdentityVerified(Make.At(10), Make.Clerk); // a caller that skipped the visit rules got this far
        var before = application.History.Count;

        var refused = Assert.Throws<VisitRuleException>(() => application.Pay(Make.Payment()));

        Assert.Equal(["R-VI-03", "R-FE-02"], refused.BrokenRules.Select(b => b.RuleId));
        Assert.All(refused.BrokenRules, b => Assert.False(string.IsNullOrWhiteSpace(b.Message)));
        Assert.IsAssignableFrom<InvalidTransitionException>(refused);
        Assert.Null(application.Payment);
        Assert.Equal(ApplicationState.IdentityVerified, application.State);
        Assert.Equal(before, application.History.Count);
    }

    [Fact]
    [Trait("Rule", "R-VI-03")]
    public void Pay_WhenProxyFirstVisitOfRenewalStillReceived_ThrowsNamingRVI03()
    {
        var application = Make.Received(Procedure.Renewal, ApplicantKind.Proxy);

        var refused = Assert.Throws<VisitRuleException>(() => application.Pay(Make.Payment(Procedure.Renewal)));

        Assert.Equal("R-VI-03", refused.BrokenRules[0].RuleId);
    }

    [Fact]
    [Trait("Rule", "R-VI-03")]
    [Trait("Rule", "R-FE-02")]
    public void Pay_WhenProxySecondVisitAfterTheAnswerReturned_Pays()
    {
        var application = Make.Received(Procedure.NewIssuance, ApplicantKind.Proxy);
        application.MarkInquiryLetterMailed(Make.At(10), Make.Clerk);
        application.MarkAnswerReturned(Make.At(Make.Today.AddDays(7), 10), Make.Clerk);
        application.MarkIdentityVerified(Make.At(Make.Today.AddDays(7), 10, 5), Make.Clerk);

        application.Pay(Make.Payment(at: Make.At(Make.Today.AddDays(7), 10, 10)));

        Assert.Equal(ApplicationState.FeePaid, application.State);
        Assert.True(application.IsSecondVisit);
        Assert.Null(application.VisitForbidsIssue());
    }

    [Fact]
    [Trait("Rule", "R-VI-02")]
    [Trait("Rule", "R-FE-02")]
    public void Pay_WhenInPersonFirstVisitDecidedAsTwoVisits_ThrowsNamingRVI02()
    {
        var application = Make.Received(Procedure.NewIssuance);
        application.RecordVisitDecision(VisitPlan.TwoVisits, "R-VI-02", Make.At(9, 30), Make.Clerk);
        application.MarkIdentityVerified(Make.At(10), Make.Clerk);

        var refused = Assert.Throws<VisitRuleException>(() => application.Pay(Make.Payment()));

        Assert.Equal(["R-VI-02", "R-FE-02"], refused.BrokenRules.Select(b => b.RuleId));
        Assert.Null(application.Payment);
    }

    [Fact]
    [Trait("Rule", "R-VI-01")]
    [Trait("Rule", "R-VI-02")]
    public void Pay_WhenAPhotoDocumentDecidedSameDayAfterTwoVisits_Pays()
    {
        var application = Make.Received(Procedure.NewIssuance);
        application.RecordVisitDecision(VisitPlan.TwoVisits, "R-VI-02", Make.At(9, 30), Make.Clerk);
        application.RecordVisitDecision(VisitPlan.SameDay, "R-VI-01", Make.At(9, 40), Make.Clerk);
        application.MarkIdentityVerified(Make.At(10), Make.Clerk);

        application.Pay(Make.Payment());

        Assert.Equal("R-VI-01", application.RecordedVisitRule);
        Assert.Equal(ApplicationState.FeePaid, application.State);
    }

    [Fact]
    [Trait("Rule", "R-VI-03")]
    public void MarkKeyGenerated_WhenAProxyFirstVisitWasStoredAsPaid_ThrowsNamingRVI03()
    {
        // A row written by a caller that never asked the application (or by hand): the card step still refuses it.
        var received = Make.Received(Procedure.NewIssuance, ApplicantKind.Proxy);
        var history = new List<StateChange>(received.History)
        {
            new(ApplicationState.Received, ApplicationState.IdentityVerified, Make.At(10), Make.Clerk),
            new(ApplicationState.IdentityVerified, ApplicationState.FeePaid, Make.At(10, 5), Make.Clerk),
        };
        var application = Application.Restore(received.Id, Procedure.NewIssuance, ApplicantKind.Proxy, Make.ResidentCode, ApplicationState.FeePaid, history, Make.Payment());

        var refused = Assert.Throws<VisitRuleException>(() => application.MarkKeyGenerated(Make.At(10, 10), Make.Clerk));

        Assert.Equal(["R-VI-03"], refused.BrokenRules.Select(b => b.RuleId));
        Assert.Equal(ApplicationState.FeePaid, application.State);
    }

    [Fact]
    [Trait("Rule", "R-VI-02")]
    public void RecordVisitDecision_WhenNotReceivedOrNotIssuing_Throws()
    {
        var unlock = Make.Received(Procedure.Unlock);
        var verified = Make.Received(Procedure.NewIssuance);
        verified.MarkIdentityVerified(Make.At(10), Make.Clerk);

        Assert.Throws<InvalidTransitionException>(() => unlock.RecordVisitDecision(VisitPlan.TwoVisits, "R-VI-02", Make.At(10), Make.Clerk));
        Assert.Throws<InvalidTransitionException>(() => verified.RecordVisitDecision(VisitPlan.TwoVisits, "R-VI-02", Make.At(10), Make.Clerk));
    }
}
