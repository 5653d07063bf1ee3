using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Administration;

/// <summary>The municipality, office and counter editors on both providers: each save audited, each refusal names the field and saves nothing.</summary>
[Trait("Rule", "R-X-03")]
public sealed class OrganizationTests(PostgresServer postgres)
{
    private const string Municipality = "code=163228, name=上市町, prefecture=富山県";

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveMunicipality_WhenValid_ChangesEveryOfficeAndAuditsOldAndNew(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await SeedAsync(database, offices: 2);

        var result = await WithAsync(database, (db, audit) => new SaveMunicipalityHandler(db, audit).HandleAsync(new SaveMunicipality("011002", " 札幌市 ", "北海道", Municipality, "admin")));

        Assert.True(result.Succeeded, result.Message);
        await using var db = database.NewContext();
        Assert.All(await db.Offices.ToListAsync(), o => Assert.Equal(("011002", "札幌市", "北海道"), (o.MunicipalityCode, o.MunicipalityName, o.PrefectureName)));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == SaveMunicipalityHandler.AuditAction);
        Assert.Contains(Municipality, audit.Details, StringComparison.Ordinal);
        Assert.Contains("code=011002, name=札幌市, prefecture=北海道", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveMunicipality_WhenTheCheckDigitIsWrongOrANameIsEmptyOrStale_IsRefusedAndNothingChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await SeedAsync(database);

        var checkDigit = await SaveMunicipalityAsync(database, new SaveMunicipality("163229", "上市町", "富山県", Municipality, "admin"));
        var letters = await SaveMunicipalityAsync(database, new SaveMunicipality("16322A", "上市町", "富山県", Municipality, "admin"));
        var emptyName = await SaveMunicipalityAsync(database, new SaveMunicipality("163228", "  ", "富山県", Municipality, "admin"));
        var stale = await SaveMunicipalityAsync(database, new SaveMunicipality("011002", "札幌市", "北海道", "code=000000, name=x, prefecture=y", "admin"));

        Assert.Equal(("R-X-03", "municipality.code"), (checkDigit.Problem!.RuleId, checkDigit.Problem.Field));
        Assert.Contains("地方公共団体コード（163229）", checkDigit.Message, StringComparison.Ordinal);
        Assert.Equal("municipality.code", letters.Problem!.Field);
        Assert.Equal("municipality.name", emptyName.Problem!.Field);
        Assert.Contains("市区町村名を入力してください", emptyName.Message, StringComparison.Ordinal);
        Assert.Equal("municipality", stale.Problem!.Field);
        await using var db = database.NewContext();
        Assert.Equal(Municipality, OrganizationRules.DescribeMunicipality(await db.Offices.SingleAsync()));
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Theory]
    [Trait("Rule", "R-EL-05")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveOffice_WhenAddingAWardOfficeThenRenamingIt_TakesTheMunicipalityAndAuditsBoth(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var first = await SeedAsync(database);
        await using (var seeding = database.NewContext())
        {
            seeding.OfficeSessions.AddRange(
                new OfficeSession { OfficeId = first, Start = new TimeOnly(8, 30), End = new TimeOnly(12, 0) },
                new OfficeSession { OfficeId = first, Start = new TimeOnly(13, 0), End = new TimeOnly(16, 30) });
            await seeding.SaveChangesAsync();
        }

        var added = await SaveOfficeAsync(database, new SaveOffice(null, "naka-ward", "中区役所", "中区", string.Empty, "admin"));
        var id = int.Parse(added.Shown!, System.Globalization.CultureInfo.InvariantCulture);
        var renamed = await SaveOfficeAsync(database, new SaveOffice(id, "naka-ward", "中区役所 区民課", "中区", "code=naka-ward, name=中区役所, ward=中区", "admin"));

        Assert.True(added.Succeeded, added.Message);
        Assert.True(renamed.Succeeded, renamed.Message);
        await using var db = database.NewContext();
        var office = await db.Offices.SingleAsync(o => o.Id == id);
        Assert.Equal(("中区役所 区民課", "中区", "163228", "上市町"), (office.Name, office.Ward, office.MunicipalityCode, office.MunicipalityName));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == SaveOfficeHandler.AddedAction));
        var changed = await db.AuditEntries.SingleAsync(a => a.Action == SaveOfficeHandler.ChangedAction);
        Assert.Contains("name=中区役所, ward=中区", changed.Details, StringComparison.Ordinal);
        // The new office opens with the first office's counter hours (R-HR-01), so its counters can take applications.
        var hours = await db.OfficeSessions.Where(h => h.OfficeId == id).OrderBy(h => h.Start).Select(h => new { h.Start, h.End }).ToListAsync();
        Assert.Equal([new { Start = new TimeOnly(8, 30), End = new TimeOnly(12, 0) }, new { Start = new TimeOnly(13, 0), End = new TimeOnly(16, 30) }], hours);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveOffice_WhenTheCodeIsTakenOrMalformedOrTheNameEmpty_IsRefusedAndNothingIsAdded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await SeedAsync(database);

        var duplicate = await SaveOfficeAsync(database, new SaveOffice(null, "001", "支所", null, string.Empty, "admin"));
        var malformed = await SaveOfficeAsync(database, new SaveOffice(null, "本庁", "支所", null, string.Empty, "admin"));
        var emptyName = await SaveOfficeAsync(database, new SaveOffice(null, "002", "", null, string.Empty, "admin"));
        var unknown = await SaveOfficeAsync(database, new SaveOffice(999, "002", "支所", null, string.Empty, "admin"));

        Assert.Equal(("office.code", "庁舎コード（001）はほかの庁舎で使われています。"), (duplicate.Problem!.Field, duplicate.Message));
        Assert.Equal("office.code", malformed.Problem!.Field);
        Assert.Contains("半角英数字", malformed.Message, StringComparison.Ordinal);
        Assert.Equal("office.name", emptyName.Problem!.Field);
        Assert.Equal("office", unknown.Problem!.Field);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Offices.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveCounter_WhenAddedThenDeactivated_IsKeptInactiveAndAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var officeId = await SeedAsync(database);

        var added = await SaveCounterAsync(database, new SaveCounter(officeId, null, "3", "3番窓口", true, string.Empty, "admin"));
        var id = int.Parse(added.Shown!, System.Globalization.CultureInfo.InvariantCulture);
        var deactivated = await SaveCounterAsync(database, new SaveCounter(officeId, id, "3", "3番窓口", false, "number=3, name=3番窓口, active", "admin"));

        Assert.True(added.Succeeded, added.Message);
        Assert.True(deactivated.Succeeded, deactivated.Message);
        await using var db = database.NewContext();
        var counter = await db.Counters.SingleAsync(c => c.Id == id);
        Assert.False(counter.Active);
        Assert.True((await db.Counters.SingleAsync(c => c.Number == 2)).Active);
        var changed = await db.AuditEntries.SingleAsync(a => a.Action == SaveCounterHandler.ChangedAction);
        Assert.Contains("number=3, name=3番窓口, inactive", changed.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveCounter_WhenTheNumberIsTakenInTheOfficeOrInvalidOrTheNameEmpty_IsRefusedAndNothingChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var officeId = await SeedAsync(database, offices: 2);
        int counterId;
        int otherOffice;
        await using (var db = database.NewContext())
        {
            counterId = (await db.Counters.SingleAsync(c => c.OfficeId == officeId)).Id;
            otherOffice = (await db.Offices.SingleAsync(o => o.Id != officeId)).Id;
        }

        var duplicate = await SaveCounterAsync(database, new SaveCounter(officeId, null, "2", "別の窓口", true, string.Empty, "admin"));
        var zero = await SaveCounterAsync(database, new SaveCounter(officeId, null, "0", "窓口", true, string.Empty, "admin"));
        var text = await SaveCounterAsync(database, new SaveCounter(officeId, null, "二", "窓口", true, string.Empty, "admin"));
        var emptyName = await SaveCounterAsync(database, new SaveCounter(officeId, counterId, "2", " ", true, "number=2, name=2番窓口, active", "admin"));
        var stale = await SaveCounterAsync(database, new SaveCounter(officeId, counterId, "2", "窓口", true, "number=9, name=x, active", "admin"));
        var elsewhere = await SaveCounterAsync(database, new SaveCounter(otherOffice, null, "5", "5番窓口", true, string.Empty, "admin"));
        var sameNumberHere = await SaveCounterAsync(database, new SaveCounter(officeId, null, "5", "5番窓口", true, string.Empty, "admin"));

        Assert.Equal(("R-X-03", "counter.number"), (duplicate.Problem!.RuleId, duplicate.Problem.Field));
        Assert.Contains("窓口番号2は本庁舎0でもう使われています", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal("counter.number", zero.Problem!.Field);
        Assert.Equal("counter.number", text.Problem!.Field);
        Assert.Equal("counter.name", emptyName.Problem!.Field);
        Assert.Contains("窓口名を入力してください", emptyName.Message, StringComparison.Ordinal);
        Assert.Equal("counter", stale.Problem!.Field);
        Assert.True(elsewhere.Succeeded, elsewhere.Message);
        Assert.True(sameNumberHere.Succeeded, "numbers are unique per office, not across offices");
        await using var check = database.NewContext();
        Assert.Equal("2番窓口", (await check.Counters.SingleAsync(c => c.Id == counterId)).Name);
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == SaveCounterHandler.AddedAction));
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == SaveCounterHandler.ChangedAction));
    }

    private static async Task<int> SeedAsync(TestDatabase database, int offices = 1)
    {
        await using var db = database.NewContext();
        var created = Enumerable.Range(0, offices).Select(i => new Office
        {
            Code = i == 0 ? "001" : $"00{i + 1}",
            Name = $"本庁舎{i}",
            MunicipalityCode = "163228",
            MunicipalityName = "上市町",
            PrefectureName = "富山県",
            Counters = [new Counter { Number = 2, Name = "2番窓口" }],
        }).ToList();
        db.Offices.AddRange(created);
        await db.SaveChangesAsync();
        return created[0].Id;
    }

    private static async Task<AdminResult> WithAsync(TestDatabase database, Func<CounterDbContext, AuditTrail, Task<AdminResult>> run)
    {
        await using var db = database.NewContext();
        return await run(db, new AuditTrail(db, new FixedTimeProvider(CounterAppFactory.Now)));
    }

    private static Task<AdminResult> SaveMunicipalityAsync(TestDatabase database, SaveMunicipality request) =>
        WithAsync(database, (db, audit) => new SaveMunicipalityHandler(db, audit).HandleAsync(request));

    private static Task<AdminResult> SaveOfficeAsync(TestDatabase database, SaveOffice request) =>
        WithAsync(database, (db, audit) => new SaveOfficeHandler(db, audit).HandleAsync(request));

    private static Task<AdminResult> SaveCounterAsync(TestDatabase database, SaveCounter request) =>
        WithAsync(database, (db, audit) => new SaveCounterHandler(db, audit).HandleAsync(request));
}
