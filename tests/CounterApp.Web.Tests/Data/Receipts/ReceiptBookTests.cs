using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Data.Receipts;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Data.Receipts;

public sealed class ReceiptBookTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly FeeLine[] Issuance = [new(FeeItem.CertificateIssuance, 500)];

    [Theory]
    [Trait("Rule", "R-FE-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssueAsync_WhenPaymentsFollow_NumbersAreSequentialPerOffice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var (town, ward) = await OfficesAsync(database);

        var numbers = new List<string>();
        foreach (var office in new[] { town, town, ward, town, ward })
        {
            numbers.Add((await IssueAsync(database, Tuesday, office)).Number);
        }

        Assert.Equal(["001-2026-000001", "001-2026-000002", "002-2026-000001", "001-2026-000003", "002-2026-000002"], numbers);
    }

    [Theory]
    [Trait("Rule", "R-FE-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssueAsync_WhenIssued_WritesLinesLedgerDayAndAuditEntry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var (town, _) = await OfficesAsync(database);
        await using (var db = database.NewContext())
        {
            var counter = new Counter { OfficeId = town, Number = 2, Name = "住基戸籍班" };
            db.Counters.Add(counter);
            await db.SaveChangesAsync();
            var book = new ReceiptBook(db, new FixedTimeProvider(Tuesday));
            await book.IssueAsync(new ReceiptRequest(town, [new(FeeItem.CertificateIssuance, 500), new(FeeItem.ResidentCard, 500)], "clerk1")
            {
                CounterId = counter.Id,
                ResidentCode = "12345678901",
            });
        }

        await using var read = database.NewContext();
        var receipt = await read.Receipts.Include(r => r.Lines).SingleAsync();
        Assert.Equal("001-2026-000001", receipt.Number);
        Assert.Equal(1000, receipt.Total);
        Assert.Equal(new DateOnly(2026, 11, 24), receipt.LedgerDay);
        Assert.Equal([FeeItem.CertificateIssuance, FeeItem.ResidentCard], receipt.Lines.OrderBy(l => l.Id).Select(l => l.Item));
        var audit = await read.AuditEntries.SingleAsync();
        Assert.Equal(ReceiptBook.AuditAction, audit.Action);
        Assert.Equal("clerk1", audit.Actor);
        Assert.Equal("2", audit.Counter);
        Assert.Equal("12345678901", audit.ResidentCode);
        Assert.Contains("\"receipt\":\"001-2026-000001\"", audit.Details);
        Assert.True((await new AuditVerifier(read).VerifyAsync()).Intact);
    }

    [Theory]
    [Trait("Rule", "R-FE-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssueAsync_WhenPaymentRollsBack_NumberIsNotConsumed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var (town, _) = await OfficesAsync(database);
        await IssueAsync(database, Tuesday, town);

        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var receipt = await Book(db, Tuesday).IssueAsync(new ReceiptRequest(town, Issuance, "clerk1"));
            Assert.Equal("001-2026-000002", receipt.Number);
            await transaction.RollbackAsync();
        }

        var next = await IssueAsync(database, Tuesday, town);

        Assert.Equal("001-2026-000002", next.Number);
        await using var read = database.NewContext();
        Assert.Equal([1, 2], await read.Receipts.OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync());
        Assert.Equal(2, await read.AuditEntries.CountAsync());
        Assert.True((await new AuditVerifier(read).VerifyAsync()).Intact);
    }

    [Theory]
    [Trait("Rule", "R-FE-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssueAsync_WhenFiscalYearTurnsInTokyo_SequenceRestarts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var (town, _) = await OfficesAsync(database);
        var lastMinuteOfFy2026 = new DateTimeOffset(2027, 3, 31, 23, 59, 59, TimeSpan.FromHours(9));
        var firstMomentOfFy2027 = new DateTimeOffset(2027, 3, 31, 15, 0, 0, TimeSpan.Zero); // 2027-04-01 00:00 in Tokyo

        var march = await IssueAsync(database, lastMinuteOfFy2026, town);
        var march2 = await IssueAsync(database, lastMinuteOfFy2026, town);
        var april = await IssueAsync(database, firstMomentOfFy2027, town);

        Assert.Equal("001-2026-000001", march.Number);
        Assert.Equal("001-2026-000002", march2.Number);
        Assert.Equal("001-2027-000001", april.Number);
        Assert.Equal(new DateOnly(2027, 3, 31), march.LedgerDay);
        Assert.Equal(new DateOnly(2027, 4, 1), april.LedgerDay);
        Assert.Equal(2027, april.FiscalYear);
    }

    [Theory]
    [Trait("Rule", "R-FE-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssueAsync_WhenManyPaymentsRunInParallelAndSomeRollBack_CommittedNumbersHaveNoGapOrDuplicate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var (town, _) = await OfficesAsync(database);
        const int tasks = 8, payments = 25;
        var committed = 0;

        await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            for (var p = 0; p < payments; p++)
            {
                await using var db = database.NewContext();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await Book(db, Tuesday).IssueAsync(new ReceiptRequest(town, Issuance, $"clerk{t}"));
                if ((t + p) % 5 == 0)
                {
                    await transaction.RollbackAsync(); // e.g. issuance failed before the money was taken
                }
                else
                {
                    await transaction.CommitAsync();
                    Interlocked.Increment(ref committed);
                }
            }
        })));

        await using var read = database.NewContext();
        var sequences = await read.Receipts.OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, committed), sequences);
        Assert.Equal(committed, await read.Receipts.Select(r => r.Number).Distinct().CountAsync());
        Assert.Equal(committed, (await read.ReceiptSequences.SingleAsync()).LastNumber);
        var audit = await new AuditVerifier(read).VerifyAsync();
        Assert.True(audit.Intact, audit.Problem);
        Assert.Equal(committed, audit.Count);
    }

    private static ReceiptBook Book(CounterDbContext db, DateTimeOffset now) =>
        new(db, new FixedTimeProvider(now));

    private static async Task<Receipt> IssueAsync(TestDatabase database, DateTimeOffset now, int office)
    {
        await using var db = database.NewContext();
        return await Book(db, now).IssueAsync(new ReceiptRequest(office, Issuance, "clerk1"));
    }

    private static async Task<(int Town, int Ward)> OfficesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var town = new Office { Code = "001", Name = "上市町役場", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" };
        var ward = new Office { Code = "002", Name = "上市町役場 白萩出張所", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" };
        db.Offices.AddRange(town, ward);
        await db.SaveChangesAsync();
        return (town.Id, ward.Id);
    }
}
