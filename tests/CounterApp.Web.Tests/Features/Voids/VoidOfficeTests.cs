using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DayClose;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Features.Voids;
using CounterApp.Web.Tests.Features.Residents;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Voids;

/// <summary>R-FE-03 per office: a supervisor sees and decides the pending voids of their own office's receipts only.</summary>
[Trait("Rule", "R-FE-03")]
public sealed class VoidOfficeTests(PostgresServer postgres)
{
    private const string Supervisor = "supervisor";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pending_WhenTwoOfficesHaveRequests_ListsOnlyTheSupervisorsOffice(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        var (ours, theirs, otherOffice) = await TwoOfficesAsync(kit);

        await using var db = kit.NewContext();
        var mine = await VoidQueries.PendingAsync(db, kit.OfficeId);
        var other = await VoidQueries.PendingAsync(db, otherOffice);
        var all = await VoidQueries.PendingAsync(db);

        Assert.Equal([ours], mine.Select(v => v.Id));
        Assert.Equal([theirs], other.Select(v => v.Id));
        Assert.Equal([ours, theirs], all.Select(v => v.Id).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DayOverview_WhenTwoOfficesHaveRequests_WarnsOnlyAboutItsOwnOffice(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        var (ours, theirs, otherOffice) = await TwoOfficesAsync(kit);
        var day = DateOnly.FromDateTime(kit.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);

        await using var db = kit.NewContext();
        var mine = await new DayOverviewQuery(db, new LedgerReader(db)).LoadAsync(kit.OfficeId, day);
        var other = await new DayOverviewQuery(db, new LedgerReader(db)).LoadAsync(otherOffice, day);

        Assert.Equal([ours], mine.PendingVoids.Select(v => v.Id));
        Assert.Equal([theirs], other.PendingVoids.Select(v => v.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_WhenTheRequestIsAnotherOfficesReceipt_IsRefusedAndStaysPending(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        var (_, theirs, _) = await TwoOfficesAsync(kit);

        VoidResult result;
        await using (var db = kit.NewContext())
        {
            result = await new DecideVoidHandler(db, new AuditTrail(db, kit.Clock), kit.Clock)
                .HandleAsync(new DecideVoid(theirs, Approve: true, Supervisor, null, kit.OfficeId));
        }

        Assert.False(result.Succeeded);
        Assert.Equal(("R-FE-03", "request"), (result.Problem!.RuleId, result.Problem.Field));
        Assert.Contains("他の事務所", result.Message, StringComparison.Ordinal);
        await using var check = kit.NewContext();
        var row = await check.Set<VoidRequestRecord>().AsNoTracking().SingleAsync(v => v.Id == theirs);
        Assert.Equal((VoidRequestState.Pending, (string?)null), (row.State, row.DecidedBy));
        Assert.Null((await check.Receipts.AsNoTracking().Include(r => r.Void).SingleAsync(r => r.Id == row.ReceiptId)).Void);
    }

    /// <summary>A pending void request at the demo office and one at a second office; returns their ids and that office's.</summary>
    private static async Task<(long Ours, long Theirs, int OtherOffice)> TwoOfficesAsync(ResidentKit kit)
    {
        var ourReceipt = await kit.PayAsync(null, ResidentKit.Now.AddHours(-1), "clerk");
        await using var db = kit.NewContext();
        var office = new Office
        {
            Code = "002",
            Name = "白萩出張所",
            MunicipalityCode = "163228",
            MunicipalityName = "上市町",
            PrefectureName = "富山県",
            Counters = [new Counter { Number = 1, Name = "1番窓口" }],
        };
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        var day = DateOnly.FromDateTime(ResidentKit.Now.DateTime);
        var theirReceipt = new Receipt
        {
            OfficeId = office.Id,
            FiscalYear = FiscalYear.Of(day),
            Sequence = 1,
            Number = new ReceiptNumber(office.Code, FiscalYear.Of(day), 1).ToString(),
            CounterId = office.Counters[0].Id,
            Clerk = "clerk2",
            PaidAt = AuditChain.Stored(ResidentKit.Now.AddMinutes(-30)),
            LedgerDay = day,
            Total = 500,
            Lines = [new CounterApp.Web.Data.Entities.ReceiptLine { Item = FeeItem.CertificateIssuance, Amount = 500 }],
        };
        db.Receipts.Add(theirReceipt);
        await db.SaveChangesAsync();
        var ours = Pending(ourReceipt.Id, "clerk", ResidentKit.Now.AddMinutes(-50));
        var theirs = Pending(theirReceipt.Id, "clerk2", ResidentKit.Now.AddMinutes(-20));
        db.Set<VoidRequestRecord>().AddRange(ours, theirs);
        await db.SaveChangesAsync();
        return (ours.Id, theirs.Id, office.Id);
    }

    private static VoidRequestRecord Pending(long receiptId, string clerk, DateTimeOffset at) => new()
    {
        ReceiptId = receiptId,
        Kind = PaymentVoidKind.Void,
        Reason = "書込み失敗",
        RequestedBy = clerk,
        RequestedAt = AuditChain.Stored(at),
        State = VoidRequestState.Pending,
    };
}
