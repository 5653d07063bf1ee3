using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Ledger;

/// <summary>A clock the test moves: the day close, then the next morning.</summary>
internal sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The demo town (上市町, office 001, counter 2, staff clerk/supervisor/admin) on a fresh database of either provider,
/// with receipts and voids written as the payment path writes them, and the ledger's handlers on that database.
/// </summary>
internal sealed class LedgerKit : IAsyncDisposable
{
    public static readonly DateOnly Day1 = new(2026, 11, 24);
    public static readonly DateOnly Day2 = new(2026, 11, 25);

    private int _sequence;

    private LedgerKit(TestDatabase database, MovableClock clock, int officeId, int counterId)
    {
        Database = database;
        Clock = clock;
        OfficeId = officeId;
        CounterId = counterId;
    }

    public TestDatabase Database { get; }

    public MovableClock Clock { get; }

    public int OfficeId { get; }

    public int CounterId { get; }

    public static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(9));

    public static async Task<LedgerKit> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var clock = new MovableClock(At(Day1, 8, 0));
        await using (var services = TestServices.Build(database, clock))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync();
        }

        await using var db = database.NewContext();
        var office = await db.Offices.Include(o => o.Counters).SingleAsync(o => o.Code == DemoTownSeeder.OfficeCode);
        return new LedgerKit(database, clock, office.Id, office.Counters[0].Id);
    }

    public CounterDbContext NewContext() => Database.NewContext();

    /// <summary>A receipt on the Tokyo day of <paramref name="paidAt"/>, numbered in sequence.</summary>
    public async Task<Receipt> PayAsync(DateTimeOffset paidAt, string clerk, params FeeLine[] lines)
    {
        await using var db = NewContext();
        var day = DateOnly.FromDateTime(paidAt.ToOffset(TimeSpan.FromHours(9)).DateTime);
        var sequence = ++_sequence;
        var receipt = new Receipt
        {
            OfficeId = OfficeId,
            FiscalYear = FiscalYear.Of(day),
            Sequence = sequence,
            Number = new ReceiptNumber(DemoTownSeeder.OfficeCode, FiscalYear.Of(day), sequence).ToString(),
            CounterId = CounterId,
            Clerk = clerk,
            PaidAt = AuditChain.Stored(paidAt),
            LedgerDay = day,
            Total = lines.Sum(l => l.Amount),
            Lines = [.. lines.Select(l => new ReceiptLine { Item = l.Item, Amount = l.Amount })],
        };
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync();
        return receipt;
    }

    public async Task VoidAsync(Receipt receipt, DateTimeOffset at, PaymentVoidKind kind, string reason)
    {
        await using var db = NewContext();
        db.ReceiptVoids.Add(new ReceiptVoid
        {
            ReceiptId = receipt.Id,
            Kind = kind,
            Reason = reason,
            RequestedBy = "clerk",
            ApprovedBy = "supervisor",
            At = AuditChain.Stored(at),
            LedgerDay = DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(9)).DateTime),
        });
        await db.SaveChangesAsync();
    }

    public CloseLedgerDayHandler Close(CounterDbContext db, TimeProvider clock) =>
        new(db, new LedgerReader(db), PdfTools.Renderer, new AuditTrail(db, clock), AuditKeys.Checkpoints(db, Database, clock), clock);

    public static RecordLedgerAdjustmentHandler Adjust(CounterDbContext db, TimeProvider clock) => new(db, new AuditTrail(db, clock), clock);

    public static LedgerPrintHandler Print(CounterDbContext db, TimeProvider clock) => new(db, new LedgerReader(db), PdfTools.Renderer, clock);

    /// <summary>Reviews the day (the expected total the supervisor sees) and closes it with <paramref name="cash"/>.</summary>
    public async Task<CloseLedgerDayResult> CloseAsync(DateOnly day, int cash, string supervisor = "supervisor")
    {
        await using var db = NewContext();
        var reviewed = await new LedgerReader(db).DayAsync(OfficeId, day, cash);
        return await Close(db, Clock).HandleAsync(new CloseLedgerDay(OfficeId, day, cash, reviewed.Expected, supervisor));
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
