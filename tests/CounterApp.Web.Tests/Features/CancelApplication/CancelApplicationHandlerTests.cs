using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Letters;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.CancelApplication;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.Voids;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Features.InquiryLetters;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Features.SecondVisit;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.CancelApplication;

/// <summary>
/// Withdrawing an open application on both providers: allowed before any fee stands (R-FE-03) and before a certificate
/// exists (R-RV-01); its unused inquiry letter is voided so a second visit with it is refused (R-VI-04); one
/// transaction with the audit entry (R-X-01); bad input saves nothing (R-X-03).
/// </summary>
public sealed class CancelApplicationHandlerTests(PostgresServer postgres)
{
    private const string Reason = "本人から取下げの申出（旅券を持って再来庁のため）";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    [Trait("Rule", "R-X-02")]
    public async Task Cancel_WhenAtTheEligibilityStep_ClosesItWithTheReasonInHistoryAndOneAuditEntryWithoutSecrets(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = (await kit.StartAsync("16322800001")).ApplicationId!.Value;

        var result = await CancelAsync(kit, id, Reason);

        IssuanceKit.Require(result);
        var application = await kit.ApplicationAsync(id);
        Assert.Equal(ApplicationState.Cancelled, application.State);
        var last = application.History.OrderBy(h => h.Sequence).Last();
        Assert.Equal((ApplicationState.Received, ApplicationState.Cancelled, Reason, IssuanceKit.Clerk), (last.FromState, last.ToState, last.Note, last.By));
        var audit = Assert.Single(await kit.AuditAsync(), a => a.Action == CancelApplicationHandler.AuditAction);
        Assert.Equal((IssuanceKit.Clerk, AuditOutcomes.Succeeded, "16322800001"), (audit.Actor, audit.Outcome, audit.ResidentCode));
        Assert.False(string.IsNullOrEmpty(audit.Counter));
        Assert.Contains(Reason, audit.Details, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(IssuanceKit.Pin, audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(IssuanceKit.Password, audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("pin", audit.Details, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("password", audit.Details, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(IssuanceStep.Closed, (await kit.ViewAsync(id)).Step);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-03")]
    public async Task Cancel_WhenAtTheDocumentStepOrIdentityVerified_ClosesIt(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var atDocuments = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(atDocuments));
        Assert.Equal(IssuanceStep.Documents, (await kit.ViewAsync(atDocuments)).Step);
        var verified = (await kit.StartAsync("16322800002")).ApplicationId!.Value; // R-CE-08: another resident without a valid certificate
        IssuanceKit.Require(await kit.EligibilityAsync(verified));
        IssuanceKit.Require(await kit.DocumentAsync(verified));
        IssuanceKit.Require(await kit.SealAsync(verified));
        Assert.Equal(ApplicationState.IdentityVerified, (await kit.ApplicationAsync(verified)).State);

        IssuanceKit.Require(await CancelAsync(kit, atDocuments, Reason));
        IssuanceKit.Require(await CancelAsync(kit, verified, "別の手続と取り違えたため"));

        Assert.Equal(ApplicationState.Cancelled, (await kit.ApplicationAsync(atDocuments)).State);
        Assert.Equal(ApplicationState.Cancelled, (await kit.ApplicationAsync(verified)).State);
        var again = await CancelAsync(kit, verified, Reason);
        Assert.Equal(("R-X-03", "application.state"), (again.BrokenRules[0].RuleId, again.BrokenRules[0].Field));
        Assert.Equal(2, (await kit.AuditAsync()).Count(a => a.Action == CancelApplicationHandler.AuditAction));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    [Trait("Rule", "R-VI-02")]
    public async Task Cancel_WhenTheLetterWasMailed_VoidsItAndTheSecondVisitWithItIsRefused(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, letter) = await kit.MailedInPersonApplicationAsync();

        IssuanceKit.Require(await CancelAsync(kit, id, Reason));

        Assert.Equal(LetterStatus.Cancelled, Assert.Single(await kit.LettersAsync(id)).Status);
        Assert.Equal(ApplicationState.Cancelled, (await kit.ApplicationAsync(id)).State);
        var (summary, refusal) = await kit.FindAsync(letter.Reference);
        Assert.Null(summary);
        Assert.Equal("R-VI-04", Assert.Single(refusal!.BrokenRules).RuleId);
        var confirmed = await kit.ConfirmAsync(SecondVisitKit.InPerson(kit, letter.Reference));
        Assert.False(confirmed.Succeeded);
        Assert.Equal(ApplicationState.Cancelled, (await kit.ApplicationAsync(id)).State);
        var audit = Assert.Single(await kit.AuditAsync(), a => a.Action == CancelApplicationHandler.AuditAction);
        Assert.Contains(letter.Reference, audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-04")]
    public async Task Cancel_WhenTheLetterIsOnlyPrepared_VoidsItSoItCannotBeMailed(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(id);

        IssuanceKit.Require(await CancelAsync(kit, id, Reason));

        Assert.Equal(LetterStatus.Cancelled, Assert.Single(await kit.LettersAsync(id)).Status);
        Assert.False((await kit.MailAsync(letter.Id)).Succeeded);
        Assert.Equal(LetterStatus.Cancelled, Assert.Single(await kit.LettersAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-03")]
    public async Task Cancel_WhenTheFeeStands_IsRejectedSayingVoidFirstAndSavesNothing(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");
        var before = await kit.ApplicationAsync(id);
        var audits = (await kit.AuditAsync()).Count;

        var result = await CancelAsync(kit, id, Reason);

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Equal(("R-FE-03", "application.fee"), (result.BrokenRules[0].RuleId, result.BrokenRules[0].Field));
        Assert.Contains("手数料", result.Message, StringComparison.Ordinal);
        Assert.Contains("R-FE-03", result.Message, StringComparison.Ordinal);
        var after = await kit.ApplicationAsync(id);
        Assert.Equal((ApplicationState.FeePaid, before.History.Count), (after.State, after.History.Count));
        Assert.Equal(audits, (await kit.AuditAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-03")]
    public async Task Cancel_WhenTheFeeWasVoidedAfterAFailure_SaysTheApplicationIsAlreadyClosed(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");
        Assert.Equal(IssuanceOutcome.Failed, (await kit.WithAsync<AbandonCardStepHandler, IssuanceResult>(h => h.HandleAsync(new AbandonCardStep(id, "カード不良", IssuanceKit.Clerk, kit.CounterId)))).Outcome);
        var whileOwed = await CancelAsync(kit, id, Reason);
        var requested = await kit.WithAsync<RequestVoidHandler, VoidResult>(h => h.HandleAsync(new RequestVoid(id, PaymentVoidKind.Void, "カード不良", IssuanceKit.Clerk, kit.CounterId)));
        var decided = await kit.WithAsync<DecideVoidHandler, VoidResult>(h => h.HandleAsync(new DecideVoid(requested.RequestId!.Value, true, IssuanceKit.Supervisor, "確認済み")));
        Assert.True(decided.Succeeded, decided.Message);

        var afterVoid = await CancelAsync(kit, id, Reason);

        Assert.Equal("R-FE-03", whileOwed.BrokenRules[0].RuleId);
        Assert.Equal(("R-X-03", "application.state"), (afterVoid.BrokenRules[0].RuleId, afterVoid.BrokenRules[0].Field));
        Assert.Equal(ApplicationState.Failed, (await kit.ApplicationAsync(id)).State);
        Assert.DoesNotContain(await kit.AuditAsync(), a => a.Action == CancelApplicationHandler.AuditAction);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-01")]
    public async Task Cancel_WhenTheCertificateWasIssued_IsRejectedAsRevocationsBusiness(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var card = new CardInReader(kit.NewCard("16322800001"));
        var id = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");
        IssuanceKit.Require(await kit.CardAsync(id, card.Connection));
        var state = (await kit.ApplicationAsync(id)).State;

        var result = await CancelAsync(kit, id, Reason);

        Assert.Equal(IssuanceOutcome.Rejected, result.Outcome);
        Assert.Equal(("R-RV-01", "application.certificate"), (result.BrokenRules[0].RuleId, result.BrokenRules[0].Field));
        Assert.Contains("失効", result.Message, StringComparison.Ordinal);
        Assert.Equal(state, (await kit.ApplicationAsync(id)).State);
        Assert.DoesNotContain(await kit.AuditAsync(), a => a.Action == CancelApplicationHandler.AuditAction);
    }

    public static TheoryData<DatabaseProvider, string?, bool, string> BadInput()
    {
        var data = new TheoryData<DatabaseProvider, string?, bool, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, null, true, "reason");
            data.Add(provider, "   ", true, "reason");
            data.Add(provider, new string('理', CancelApplicationHandler.ReasonMaxLength + 1), true, "reason");
            data.Add(provider, Reason, false, "confirmed");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    [Trait("Rule", "R-X-03")]
    public async Task Cancel_WhenTheReasonIsMissingTooLongOrNotConfirmed_NamesTheFieldAndSavesNothing(DatabaseProvider provider, string? reason, bool confirmed, string field)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var (id, _) = await kit.MailedInPersonApplicationAsync();
        var audits = (await kit.AuditAsync()).Count;

        var result = await kit.RunAsync<CancelApplicationHandler, IssuanceResult>(h => h.HandleAsync(new CounterApp.Web.Features.CancelApplication.CancelApplication(id, reason, confirmed, IssuanceKit.Clerk, kit.CounterId)));

        Assert.Equal(IssuanceOutcome.Invalid, result.Outcome);
        Assert.Equal(("R-X-03", field), (result.BrokenRules[0].RuleId, result.BrokenRules[0].Field));
        Assert.Contains(field == "reason" ? "取下げの理由" : "取下げの確認", result.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.InquiryLetterMailed, (await kit.ApplicationAsync(id)).State);
        Assert.Equal(LetterStatus.Mailed, Assert.Single(await kit.LettersAsync(id)).Status);
        Assert.Equal(audits, (await kit.AuditAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-03")]
    public async Task Start_WhenTheSameResidentAlreadyHasAnOpenApplication_IsStillReceived(DatabaseProvider provider)
    {
        // StartApplication does not refuse a second open application; a withdrawn one does not stand in the way either.
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var first = (await kit.StartAsync("16322800001")).ApplicationId!.Value;
        IssuanceKit.Require(await CancelAsync(kit, first, Reason));

        var second = await kit.StartAsync("16322800001");

        IssuanceKit.Require(second);
        Assert.NotEqual(first, second.ApplicationId);
        Assert.Equal(ApplicationState.Received, (await kit.ApplicationAsync(second.ApplicationId!.Value)).State);
    }

    private static Task<IssuanceResult> CancelAsync(IssuanceKit kit, Guid id, string? reason) =>
        kit.RunAsync<CancelApplicationHandler, IssuanceResult>(h => h.HandleAsync(new CounterApp.Web.Features.CancelApplication.CancelApplication(id, reason, true, IssuanceKit.Clerk, kit.CounterId)));
}
