using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Administration;

/// <summary>R-ID-01: the identity document list editor refuses an empty list and bad orders, saves whole and audits.</summary>
[Trait("Rule", "R-ID-01")]
public sealed class IdentityDocumentsTests(PostgresServer postgres)
{
    private const string Seen = "driver-licence:accepted:2, passport:accepted:1, staff-id:accepted:3";

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_WhenValid_ChangesAcceptanceAndOrderAndAuditsOldAndNew(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await SeedAsync(database);

        var result = await SaveAsync(database, Seen, ("passport", true, "2"), ("driver-licence", true, "1"), ("staff-id", false, "3"));

        Assert.True(result.Succeeded, result.Message);
        await using var db = database.NewContext();
        var rows = await db.IdentityDocumentTypes.OrderBy(t => t.SortOrder).ToListAsync();
        Assert.Equal(["driver-licence", "passport", "staff-id"], rows.Select(r => r.Code));
        Assert.False(rows[2].Accepted);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == SaveIdentityDocumentsHandler.AuditAction);
        Assert.Contains("staff-id: accepted/3 → refused/3", audit.Details, StringComparison.Ordinal);
        Assert.Contains("\"old\":\"" + Seen + "\"", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_WhenNoneAcceptedOrABadOrderOrStale_IsRefusedNamingTheFieldAndNothingChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await SeedAsync(database);

        var empty = await SaveAsync(database, Seen, ("passport", false, "1"), ("driver-licence", false, "2"), ("staff-id", false, "3"));
        var negative = await SaveAsync(database, Seen, ("passport", true, "-1"), ("driver-licence", true, "2"), ("staff-id", true, "3"));
        var stale = await SaveAsync(database, "passport:accepted:1", ("passport", true, "5"));

        Assert.Equal(("R-ID-01", "documents"), (empty.Problem!.RuleId, empty.Problem.Field));
        Assert.Contains("少なくとも一つ", empty.Message, StringComparison.Ordinal);
        Assert.Equal("documents.passport.sortOrder", negative.Problem!.Field);
        Assert.Contains("表示順", negative.Message, StringComparison.Ordinal);
        Assert.Equal("documents", stale.Problem!.Field);
        await using var db = database.NewContext();
        Assert.Equal(Seen, SaveIdentityDocumentsHandler.Describe((await db.IdentityDocumentTypes.ToListAsync()).Select(r => (r.Code, r.Accepted, r.SortOrder))));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == SaveIdentityDocumentsHandler.AuditAction));
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        db.IdentityDocumentTypes.AddRange(
            new IdentityDocumentTypeRecord { Code = "passport", NameJa = "旅券", NameEn = "Passport", SortOrder = 1 },
            new IdentityDocumentTypeRecord { Code = "driver-licence", NameJa = "運転免許証", NameEn = "Driver's licence", SortOrder = 2 },
            new IdentityDocumentTypeRecord { Code = "staff-id", NameJa = "官公署職員証", NameEn = "Staff ID", SortOrder = 3 });
        await db.SaveChangesAsync();
    }

    private static async Task<AdminResult> SaveAsync(TestDatabase database, string seen, params (string Code, bool Accepted, string Order)[] rows)
    {
        await using var db = database.NewContext();
        var handler = new SaveIdentityDocumentsHandler(db, new AuditTrail(db, new FixedTimeProvider(CounterAppFactory.Now)));
        return await handler.HandleAsync(new SaveIdentityDocuments([.. rows.Select(r => new IdentityDocumentInput(r.Code, r.Accepted, r.Order))], seen, "admin"));
    }
}
