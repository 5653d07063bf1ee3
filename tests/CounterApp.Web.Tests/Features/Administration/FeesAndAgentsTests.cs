using CounterApp.Domain.Fees;
using CounterApp.Web.Agents;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Features.Administration;

/// <summary>R-FE-01 and R-X-01: the fee schedule editor and the reader-agent actions validate, save whole and audit.</summary>
public sealed class FeesAndAgentsTests(PostgresServer postgres)
{
    private const string Defaults = "CertificateIssuance=500, CertificateRenewal=500, ResidentCard=500";

    [Theory]
    [Trait("Rule", "R-FE-01")]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveFees_WhenValid_SavesEveryItemAndAuditsOldAndNew(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var result = await SaveFeesAsync(database, Defaults, "500", "400", "1,000");

        Assert.True(result.Succeeded, result.Message);
        await using var db = database.NewContext();
        var current = await SaveFeesHandler.CurrentAsync(db);
        Assert.Equal((500, 400, 1000), (current[FeeItem.CertificateIssuance], current[FeeItem.CertificateRenewal], current[FeeItem.ResidentCard]));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == SaveFeesHandler.AuditAction);
        Assert.Contains("\"old\":\"" + Defaults + "\"", audit.Details, StringComparison.Ordinal);
        Assert.Contains("\"new\":\"CertificateIssuance=500, CertificateRenewal=400, ResidentCard=1000\"", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "R-FE-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveFees_WhenNegativeOrNotANumberOrStale_IsRefusedNamingTheFeeAndNothingChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var negative = await SaveFeesAsync(database, Defaults, "500", "-100", "500");
        var text = await SaveFeesAsync(database, Defaults, "五百", "500", "500");
        var stale = await SaveFeesAsync(database, "CertificateIssuance=300, CertificateRenewal=500, ResidentCard=500", "500", "500", "0");

        Assert.Equal(("R-FE-01", "fees.CertificateRenewal"), (negative.Problem!.RuleId, negative.Problem.Field));
        Assert.Contains("電子証明書更新手数料は0円以上", negative.Message, StringComparison.Ordinal);
        Assert.Equal("fees.CertificateIssuance", text.Problem!.Field);
        Assert.Equal("fees", stale.Problem!.Field);
        await using var db = database.NewContext();
        Assert.Equal(Defaults, SaveFeesHandler.Describe(await SaveFeesHandler.CurrentAsync(db)));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == SaveFeesHandler.AuditAction));
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Agents_WhenIssuingAndRevoking_ShowsTheCodeOnceRefusesBadInputAndAudits(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var counter = await CounterAsync(database);

        var noName = await AgentsAsync(database, h => h.IssueCodeAsync("  ", counter, "admin"));
        var badCounter = await AgentsAsync(database, h => h.IssueCodeAsync("PC-2", 9999, "admin"));
        var issued = await AgentsAsync(database, h => h.IssueCodeAsync("PC-2", counter, "admin"));
        long id;
        await using (var db = database.NewContext())
        {
            var agent = await db.ReaderAgents.SingleAsync();
            Assert.Equal(("PC-2", counter), (agent.Name, agent.CounterId));
            Assert.NotEqual(issued.Shown, agent.EnrolmentCodeHash);
            id = agent.Id;
        }

        var noReason = await AgentsAsync(database, h => h.RevokeAsync(id, " ", "admin"));
        var revoked = await AgentsAsync(database, h => h.RevokeAsync(id, "PC更新のため", "admin"));
        var again = await AgentsAsync(database, h => h.RevokeAsync(id, "PC更新のため", "admin"));
        var reuse = await AgentsAsync(database, h => h.IssueCodeAsync("PC-2", counter, "admin"));

        Assert.Equal("agentName", noName.Problem!.Field);
        Assert.Equal("counter", badCounter.Problem!.Field);
        Assert.True(issued.Succeeded, issued.Message);
        Assert.False(string.IsNullOrWhiteSpace(issued.Shown));
        Assert.Equal("reason", noReason.Problem!.Field);
        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal("agent", again.Problem!.Field);
        Assert.Equal("agentName", reuse.Problem!.Field);
        Assert.Contains("失効済み", reuse.Message, StringComparison.Ordinal);
        await using var check = database.NewContext();
        Assert.NotNull((await check.ReaderAgents.SingleAsync()).RevokedAt);
        var actions = await check.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AgentAuditing.CodeIssued, AgentAuditing.Revoked], actions);
        Assert.DoesNotContain(await check.AuditEntries.Select(a => a.Details).ToListAsync(), d => d != null && d.Contains(issued.Shown!, StringComparison.Ordinal));
    }

    private static async Task<AdminResult> SaveFeesAsync(TestDatabase database, string seen, string issuance, string renewal, string card)
    {
        await using var db = database.NewContext();
        var handler = new SaveFeesHandler(db, new AuditTrail(db, new FixedTimeProvider(CounterAppFactory.Now)));
        return await handler.HandleAsync(new SaveFees(
            new Dictionary<FeeItem, string?> { [FeeItem.CertificateIssuance] = issuance, [FeeItem.CertificateRenewal] = renewal, [FeeItem.ResidentCard] = card },
            seen,
            "admin"));
    }

    private static async Task<int> CounterAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var office = new Office { Code = "001", Name = "上市町役場", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" };
        office.Counters.Add(new Counter { Number = 2, Name = "2番窓口" });
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        return office.Counters[0].Id;
    }

    private static async Task<AdminResult> AgentsAsync(TestDatabase database, Func<ReaderAgentsHandler, Task<AdminResult>> act)
    {
        await using var db = database.NewContext();
        var time = new FixedTimeProvider(CounterAppFactory.Now);
        var agents = new AgentAdministration(db, new AuditTrail(db, time), new AgentRegistry(NullLogger<AgentRegistry>.Instance), time, Options.Create(new AgentServerOptions()));
        return await act(new ReaderAgentsHandler(db, agents));
    }
}
