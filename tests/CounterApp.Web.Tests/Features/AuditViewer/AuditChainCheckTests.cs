using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.AuditViewer;
using CounterApp.Web.Tests.Data.Audit;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.AuditViewer;

public sealed class AuditChainCheckTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task Run_WhenTheChainIsIntact_ReportsTheHeadAndAuditsTheCheck(DatabaseProvider provider)
    {
        await using var kit = await AuditViewerKit.CreateAsync(provider, postgres);
        await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 9, 0), "clerk", "staff.signed-in");
        await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 9, 1), "clerk", "fee.receipt-issued", "16322800001");
        string headHash;
        await using (var read = kit.NewContext())
        {
            headHash = (await read.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == 2)).Hash;
        }

        AuditVerification result;
        await using (var db = kit.NewContext())
        {
            result = await new AuditChainCheck(new AuditVerifier(db), new AuditTrail(db, kit.Clock)).RunAsync("supervisor", "2");
        }

        Assert.True(result.Intact);
        Assert.Equal((2L, 2L, headHash), (result.Count, result.HeadId, result.HeadHash));
        await using var check = kit.NewContext();
        var entry = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditChainCheck.AuditAction);
        Assert.Equal(("supervisor", AuditOutcomes.Succeeded), (entry.Actor, entry.Outcome));
        Assert.Contains(headHash, entry.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task Run_WhenARowWasAlteredBehindTheTriggers_ReportsTheFirstBrokenRowAndAuditsIt(DatabaseProvider provider)
    {
        await using var kit = await AuditViewerKit.CreateAsync(provider, postgres);
        for (var i = 0; i < 4; i++)
        {
            await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 9, i), "clerk", "fee.receipt-issued", "16322800001");
        }

        await AuditTamper.ExecuteAsync(kit.Database, "UPDATE audit_entries SET actor = 'someone-else' WHERE id = 2");

        AuditVerification result;
        await using (var db = kit.NewContext())
        {
            result = await new AuditChainCheck(new AuditVerifier(db), new AuditTrail(db, kit.Clock)).RunAsync("supervisor", null);
        }

        Assert.False(result.Intact);
        Assert.Equal(2, result.BrokenEntryId);
        Assert.Contains("#2 was altered", result.Problem, StringComparison.Ordinal);
        await using var check = kit.NewContext();
        var entry = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditChainCheck.AuditAction);
        Assert.Equal(AuditChainCheck.BrokenOutcome, entry.Outcome);
        Assert.Contains("\"brokenEntry\":\"2\"", entry.Details, StringComparison.Ordinal);
    }
}
