using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Ledger;

public sealed class DayCloseCheckpointTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task Close_WhenTheDayIsClosed_WritesAKeyedCheckpointOfTheCloseEntryInTheSameTransaction(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        await kit.PayAsync(LedgerKit.At(LedgerKit.Day1, 9, 5), "clerk", new FeeLine(FeeItem.CertificateIssuance, 500));
        kit.Clock.Now = LedgerKit.At(LedgerKit.Day1, 17, 5);

        var result = await kit.CloseAsync(LedgerKit.Day1, cash: 500);

        Assert.True(result.Decision.IsAllowed);
        await using var db = kit.NewContext();
        var close = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == CloseLedgerDayHandler.AuditAction && a.Outcome == AuditOutcomes.Succeeded);
        var checkpoint = Assert.Single(await db.AuditCheckpoints.AsNoTracking().ToListAsync());
        Assert.Equal((AuditCheckpoints.DayClose, close.Id, close.Hash, close.Id), (checkpoint.Reason, checkpoint.HeadId, checkpoint.HeadHash, checkpoint.EntryCount));
        Assert.Equal(close.Id, await db.AuditEntries.MaxAsync(a => a.Id));
        Assert.Contains("\"auditCheckpoint\":\"1\"", close.Details, StringComparison.Ordinal);
        var verified = await new AuditVerifier(db, AuditKeys.For(kit.Database)).VerifyAsync();
        Assert.True(verified.Intact, verified.Summary);
        Assert.Equal((1L, close.Id), (verified.LastCheckpoint!.Id, verified.LastCheckpoint.HeadId));
    }
}
