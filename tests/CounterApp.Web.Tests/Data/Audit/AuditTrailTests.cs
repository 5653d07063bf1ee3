using System.Data.Common;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Data.Audit;

public sealed class AuditTrailTests(PostgresServer postgres)
{
    // 100 ns past a whole microsecond: PostgreSQL keeps microseconds, so the trail must hash what is stored.
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(9)).AddTicks(1_234_567);

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_WhenEntriesAppended_ChainsFromZerosAndVerifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = database.NewContext())
        {
            var trail = new AuditTrail(db, new FixedTimeProvider(Now));
            await trail.AppendAsync(Event("sign-in"));
            await trail.AppendAsync(Event("resident.viewed") with { ResidentCode = "12345678901", Counter = "2" });
            await trail.AppendAsync(Event("fee.receipt-issued") with { Details = new Dictionary<string, string?> { ["receipt"] = "001-2026-000001", ["備考"] = "窓口 ２番", ["none"] = null } });
        }

        await using var read = database.NewContext();
        var rows = await read.AuditEntries.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Id));
        Assert.Equal(AuditChain.Genesis, rows[0].PreviousHash);
        Assert.Equal(new string('0', 64), rows[0].PreviousHash);
        Assert.Equal(rows[0].Hash, rows[1].PreviousHash);
        Assert.Equal(rows[1].Hash, rows[2].PreviousHash);
        Assert.All(rows, r => Assert.Equal(AuditChain.Stored(Now), r.At));
        Assert.Equal("{\"none\":null,\"receipt\":\"001-2026-000001\",\"備考\":\"窓口 ２番\"}", rows[2].Details);
        Assert.Equal("12345678901", rows[1].ResidentCode);

        var result = await new AuditVerifier(read).VerifyAsync();
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(3, result.Count);
        Assert.Equal(3, result.HeadId);
        Assert.Equal(rows[2].Hash, result.HeadHash);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenLogIsEmpty_ReportsZeroEntriesIntact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = database.NewContext();

        var result = await new AuditVerifier(db).VerifyAsync();

        Assert.True(result.Intact);
        Assert.Equal("0 entries, chain intact", result.Summary);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_WhenCallerRollsBack_EntryGoesWithTheStateChange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = database.NewContext())
        {
            var trail = new AuditTrail(db, TimeProvider.System);
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                db.Settings.Add(new Setting { Key = "k1", Value = "v" });
                await db.SaveChangesAsync();
                await trail.AppendAsync(Event("setting.changed"));
                await rolledBack.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            await using var committed = await db.Database.BeginTransactionAsync();
            db.Settings.Add(new Setting { Key = "k2", Value = "v" });
            await db.SaveChangesAsync();
            await trail.AppendAsync(Event("setting.changed"));
            await committed.CommitAsync();
        }

        await using var read = database.NewContext();
        Assert.Equal(["k2"], await read.Settings.Select(s => s.Key).ToListAsync());
        var only = Assert.Single(await read.AuditEntries.ToListAsync());
        Assert.Equal(1, only.Id);
        Assert.True((await new AuditVerifier(read).VerifyAsync()).Intact);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_WhenManyWritersAppendAtOnce_ChainNeverForks(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        const int writers = 8, each = 10;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                await using var db = database.NewContext();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await new AuditTrail(db, TimeProvider.System).AppendAsync(Event($"writer{w}.{i}"));
                await transaction.CommitAsync();
            }
        })));

        await using var read = database.NewContext();
        var result = await new AuditVerifier(read).VerifyAsync();
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(writers * each, result.Count);
        Assert.Equal(writers * each, await read.AuditEntries.Select(a => a.PreviousHash).Distinct().CountAsync());
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Triggers_WhenOrdinaryUpdateOrDelete_AreRejected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = database.NewContext();
        await new AuditTrail(db, TimeProvider.System).AppendAsync(Event("sign-in"));

        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor = 'someone else'"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        if (provider == DatabaseProvider.Postgres)
        {
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_entries"));
        }

        var tracked = await db.AuditEntries.SingleAsync();
        tracked.Details = "edited";
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        Assert.Equal("tester", (await db.AuditEntries.SingleAsync()).Actor);
        Assert.True((await new AuditVerifier(db).VerifyAsync()).Intact);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenRowDeletedInSql_NamesTheMissingRow(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 5);
        await AuditTamper.ExecuteAsync(database, "DELETE FROM audit_entries WHERE id = 3");

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenEntryId);
        Assert.Equal(2, result.Count);
        Assert.Contains("entry #3 is missing", result.Problem);
        Assert.Contains("deleted", result.Problem);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenFirstRowDeletedInSql_NamesIt(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 3);
        await AuditTamper.ExecuteAsync(database, "DELETE FROM audit_entries WHERE id = 1");

        var result = await VerifyAsync(database);

        Assert.Equal(1, result.BrokenEntryId);
        Assert.Contains("entry #1 is missing", result.Problem);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenRowEditedInSql_NamesTheEditedRow(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 5);
        await AuditTamper.ExecuteAsync(database, "UPDATE audit_entries SET outcome = 'refused' WHERE id = 4");

        var result = await VerifyAsync(database);

        Assert.Equal(4, result.BrokenEntryId);
        Assert.Equal("entry #4 was altered (its hash does not match its contents)", result.Problem);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenRowEditedAndRehashedInSql_NamesTheNextRow(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 5);
        await using (var db = database.NewContext())
        {
            var row = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == 2);
            row.Actor = "someone else";
            var hash = AuditChain.ComputeHash(row);
            await AuditTamper.ExecuteAsync(database, $"UPDATE audit_entries SET actor = 'someone else', hash = '{hash}' WHERE id = 2");
        }

        var result = await VerifyAsync(database);

        Assert.Equal(3, result.BrokenEntryId);
        Assert.Contains("entry #3 does not follow entry #2", result.Problem);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenTwoRowsSwappedInSql_NamesTheFirstReorderedRow(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 5);
        await AuditTamper.SwapAsync(database, 2, 4);

        var result = await VerifyAsync(database);

        Assert.Equal(2, result.BrokenEntryId);
        Assert.Contains("entry #2 does not follow entry #1", result.Problem);
        Assert.Contains("reordered", result.Problem);
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_WhenRowInsertedInSql_NamesTheInsertedRow(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, 3);
        await using (var db = database.NewContext())
        {
            // A forged row claiming to follow #1, appended with a correct hash of its own.
            var first = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == 1);
            var forged = new AuditEntry { Id = 4, At = first.At, Actor = "forger", Action = "fee.receipt-voided", Outcome = "succeeded", PreviousHash = first.Hash, Hash = string.Empty };
            forged.Hash = AuditChain.ComputeHash(forged);
            db.AuditEntries.Add(forged);
            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync(database);

        Assert.Equal(4, result.BrokenEntryId);
        Assert.Contains("entry #4 does not follow entry #3", result.Problem);
    }

    private static AuditEvent Event(string action) => new() { Actor = "tester", Action = action, Outcome = AuditOutcomes.Succeeded };

    private async Task<TestDatabase> SeededAsync(DatabaseProvider provider, int count)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = database.NewContext();
        var trail = new AuditTrail(db, new FixedTimeProvider(Now));
        for (var i = 1; i <= count; i++)
        {
            await trail.AppendAsync(Event($"action{i}") with { Details = new Dictionary<string, string?> { ["n"] = $"{i}" } });
        }

        Assert.True((await new AuditVerifier(db).VerifyAsync()).Intact);
        return database;
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new AuditVerifier(db).VerifyAsync();
    }
}
