using CounterApp.Card.Connection;
using CounterApp.Card.Profile;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.Voids;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Voids;

/// <summary>R-FE-03: a failure after payment is voided or refunded with the approval of a supervisor who did not ask for it.</summary>
[Trait("Rule", "R-FE-03")]
public sealed class VoidRequestTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_WhenASupervisorApprovesTheClerksRequest_VoidsTheReceiptAndSettlesTheApplication(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await FailedAfterPaymentAsync(kit);

        var requested = await RequestAsync(kit, id);
        Assert.True(requested.Succeeded, requested.Message);
        await using (var db = kit.NewContext())
        {
            Assert.Single(await VoidQueries.PendingAsync(db));
        }

        var approved = await DecideAsync(kit, requested.RequestId!.Value, approve: true, IssuanceKit.Supervisor);

        Assert.True(approved.Succeeded, approved.Message);
        await using var check = kit.NewContext();
        var receipt = await check.Receipts.AsNoTracking().Include(r => r.Void).SingleAsync(r => r.ApplicationId == id);
        Assert.NotNull(receipt.Void);
        Assert.Equal((IssuanceKit.Clerk, IssuanceKit.Supervisor, PaymentVoidKind.Void), (receipt.Void!.RequestedBy, receipt.Void.ApprovedBy, receipt.Void.Kind));
        Assert.Equal(kit.Today, receipt.Void.LedgerDay);
        var application = await kit.ApplicationAsync(id);
        Assert.Null(application.Outstanding);
        Assert.Equal(ApplicationState.Failed, application.State);
        Assert.Empty(await VoidQueries.PendingAsync(check));
        Assert.Equal(VoidRequestState.Approved, (await check.Set<VoidRequestRecord>().SingleAsync()).State);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == DecideVoidHandler.ApprovedAction && a.Actor == IssuanceKit.Supervisor);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_WhenTheApproverIsAClerkOrTheRequester_IsRefusedAndNothingChanges(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await FailedAfterPaymentAsync(kit);
        var requestedBySupervisor = await kit.WithAsync<RequestVoidHandler, VoidResult>(h =>
            h.HandleAsync(new RequestVoid(id, PaymentVoidKind.Refund, "書込み失敗", IssuanceKit.Supervisor, kit.CounterId)));
        Assert.True(requestedBySupervisor.Succeeded, requestedBySupervisor.Message);

        var byClerk = await DecideAsync(kit, requestedBySupervisor.RequestId!.Value, approve: true, IssuanceKit.Clerk);
        var byRequester = await DecideAsync(kit, requestedBySupervisor.RequestId!.Value, approve: true, IssuanceKit.Supervisor);

        Assert.Equal(("R-FE-03", "supervisor"), (byClerk.Problem!.RuleId, byClerk.Problem.Field));
        Assert.Contains("係長", byClerk.Message, StringComparison.Ordinal);
        Assert.Equal(("R-FE-03", "supervisor"), (byRequester.Problem!.RuleId, byRequester.Problem.Field));
        await using var db = kit.NewContext();
        Assert.False(await db.ReceiptVoids.AnyAsync());
        Assert.Equal(nameof(Obligation.VoidOrRefundFee), (await kit.ApplicationAsync(id)).Outstanding);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reject_WhenAReasonIsGiven_ClosesTheRequestAndTheFeeStillStands(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await FailedAfterPaymentAsync(kit);
        var requested = await RequestAsync(kit, id);

        var noReason = await kit.WithAsync<DecideVoidHandler, VoidResult>(h => h.HandleAsync(new DecideVoid(requested.RequestId!.Value, false, IssuanceKit.Supervisor, " ")));
        var rejected = await kit.WithAsync<DecideVoidHandler, VoidResult>(h => h.HandleAsync(new DecideVoid(requested.RequestId!.Value, false, IssuanceKit.Supervisor, "再来庁で発行するため")));
        var again = await RequestAsync(kit, id);

        Assert.Equal("reason", noReason.Problem!.Field);
        Assert.True(rejected.Succeeded, rejected.Message);
        Assert.True(again.Succeeded, again.Message);
        await using var db = kit.NewContext();
        Assert.False(await db.ReceiptVoids.AnyAsync());
        var row = await db.Set<VoidRequestRecord>().SingleAsync(v => v.Id == requested.RequestId);
        Assert.Equal((VoidRequestState.Rejected, "再来庁で発行するため"), (row.State, row.DecisionReason));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Request_WhenNothingIsOwedOrAlreadyAsked_IsRefused(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var paid = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");

        var notFailed = await RequestAsync(kit, paid);
        var failed = await FailedAfterPaymentAsync(kit, "16322800002"); // R-CE-08: another resident without a valid certificate
        var first = await RequestAsync(kit, failed);
        var second = await RequestAsync(kit, failed);
        var noReason = await kit.WithAsync<RequestVoidHandler, VoidResult>(h => h.HandleAsync(new RequestVoid(failed, PaymentVoidKind.Void, "", IssuanceKit.Clerk, kit.CounterId)));

        Assert.Equal("application", notFailed.Problem!.Field);
        Assert.True(first.Succeeded, first.Message);
        Assert.Contains("承認待ち", second.Message, StringComparison.Ordinal);
        Assert.Equal(("R-FE-03", "reason"), (noReason.Problem!.RuleId, noReason.Problem.Field));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Abandon_WhenTheCardStepCannotFinish_FailsTheApplicationOwingTheVoid(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        var id = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");

        var result = await kit.WithAsync<AbandonCardStepHandler, IssuanceResult>(h => h.HandleAsync(new AbandonCardStep(id, "暗証番号ロックのため中止", IssuanceKit.Clerk, kit.CounterId)));

        Assert.Equal(IssuanceOutcome.Failed, result.Outcome);
        var application = await kit.ApplicationAsync(id);
        Assert.Equal((ApplicationState.Failed, nameof(Obligation.VoidOrRefundFee)), (application.State, application.Outstanding));
    }

    private static async Task<Guid> FailedAfterPaymentAsync(IssuanceKit kit, string residentCode = "16322800001")
    {
        await using var card = new CardInReader(kit.NewCard(residentCode));
        var id = await kit.PaidAsync(residentCode, documentType: "resident-card-photo");
        // R-CE-09: the cut write revokes the certificate and offers the card step again; the resident leaves, so the
        // clerk abandons it and the paid fee is owed a void or refund (R-FE-03).
        var result = await kit.CardAsync(id, new DroppingConnection(card.Connection, Ins.UpdateBinary, () => new CardRemovedException()));
        Assert.Equal(IssuanceOutcome.Retry, result.Outcome);
        var abandoned = await kit.WithAsync<AbandonCardStepHandler, IssuanceResult>(h => h.HandleAsync(new AbandonCardStep(id, "カードへの書込みに失敗し、本日は発行できない", IssuanceKit.Clerk, kit.CounterId)));
        Assert.Equal(IssuanceOutcome.Failed, abandoned.Outcome);
        return id;
    }

    private static Task<VoidResult> RequestAsync(IssuanceKit kit, Guid id) =>
        kit.WithAsync<RequestVoidHandler, VoidResult>(h => h.HandleAsync(new RequestVoid(id, PaymentVoidKind.Void, "カードへの書込みに失敗", IssuanceKit.Clerk, kit.CounterId)));

    private static Task<VoidResult> DecideAsync(IssuanceKit kit, long requestId, bool approve, string by) =>
        kit.WithAsync<DecideVoidHandler, VoidResult>(h => h.HandleAsync(new DecideVoid(requestId, approve, by, null)));
}
