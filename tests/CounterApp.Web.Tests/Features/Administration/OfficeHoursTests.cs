using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Administration;

/// <summary>R-HR-01, R-HR-02, R-X-01: the administrator's counter hours and 休日開庁日 editors validate, save whole and audit.</summary>
public sealed class OfficeHoursTests(PostgresServer postgres)
{
    private const string Seen = "08:30–12:00, 13:00–16:30";

    [Theory]
    [Trait("Rule", "R-HR-01")]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveHours_WhenValid_ReplacesTheSessionsAndAuditsOldAndNew(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var office = await OfficeAsync(database);

        var result = await SaveAsync(database, office, Seen, ("08:30", "12:00"), ("13:00", "17:00"), (null, null));

        Assert.True(result.Succeeded, result.Message);
        await using var db = database.NewContext();
        var sessions = await db.OfficeSessions.Where(s => s.OfficeId == office).OrderBy(s => s.Start).Select(s => new { s.Start, s.End }).ToListAsync();
        Assert.Equal([new TimeOnly(8, 30), new TimeOnly(13, 0)], sessions.Select(s => s.Start));
        Assert.Equal(new TimeOnly(17, 0), sessions[1].End);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == SaveOfficeHoursHandler.AuditAction);
        Assert.Equal("admin", audit.Actor);
        Assert.Contains("\"old\":\"08:30–12:00, 13:00–16:30\"", audit.Details, StringComparison.Ordinal);
        Assert.Contains("\"new\":\"08:30–12:00, 13:00–17:00\"", audit.Details, StringComparison.Ordinal);
        Assert.True((await new AuditVerifier(db).VerifyAsync()).Intact);
    }

    [Theory]
    [Trait("Rule", "R-HR-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveHours_WhenAnEndIsBeforeItsStartOrSessionsOverlapOrNoneOrStale_IsRefusedNamingTheFieldAndNothingChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var office = await OfficeAsync(database);

        var endBeforeStart = await SaveAsync(database, office, Seen, ("08:30", "12:00"), ("13:00", "12:30"));
        var overlap = await SaveAsync(database, office, Seen, ("08:30", "12:00"), ("11:30", "16:30"));
        var empty = await SaveAsync(database, office, Seen, (null, null), ("", " "));
        var garbled = await SaveAsync(database, office, Seen, ("8時半", "12:00"));
        var stale = await SaveAsync(database, office, "08:30–12:00", ("09:00", "12:00"));

        Assert.Equal(("R-HR-01", "sessions[1].end"), (endBeforeStart.Problem!.RuleId, endBeforeStart.Problem.Field));
        Assert.Contains("2番目の受付時間の終了時刻（12:30）が開始時刻（13:00）より前", endBeforeStart.Message, StringComparison.Ordinal);
        Assert.Equal("sessions[1].start", overlap.Problem!.Field);
        Assert.Contains("重なっています", overlap.Message, StringComparison.Ordinal);
        Assert.Equal("sessions", empty.Problem!.Field);
        Assert.Contains("少なくとも一つ", empty.Message, StringComparison.Ordinal);
        Assert.Equal("sessions[0].start", garbled.Problem!.Field);
        Assert.Contains("1番目の受付時間の開始時刻", garbled.Message, StringComparison.Ordinal);
        Assert.Equal("sessions", stale.Problem!.Field);
        Assert.Contains("ほかの管理者", stale.Message, StringComparison.Ordinal);
        await using var db = database.NewContext();
        var sessions = await db.OfficeSessions.Where(s => s.OfficeId == office).OrderBy(s => s.Start).ToListAsync();
        Assert.Equal(Seen, SaveOfficeHoursHandler.Describe(sessions.Select(s => (s.Start, s.End))));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == SaveOfficeHoursHandler.AuditAction));
    }

    [Theory]
    [Trait("Rule", "R-HR-02")]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OpeningDays_WhenAddedAndRemoved_AreSavedAndAuditedAndBadDaysAreRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var added = await OpeningDaysAsync(database, h => h.AddAsync(new AddHolidayOpeningDay("2026-12-06", "日曜開庁", "admin")));
        var duplicate = await OpeningDaysAsync(database, h => h.AddAsync(new AddHolidayOpeningDay("2026-12-06", null, "admin")));
        var past = await OpeningDaysAsync(database, h => h.AddAsync(new AddHolidayOpeningDay("2026-11-01", null, "admin")));
        var garbled = await OpeningDaysAsync(database, h => h.AddAsync(new AddHolidayOpeningDay("12月6日", null, "admin")));
        var longNote = await OpeningDaysAsync(database, h => h.AddAsync(new AddHolidayOpeningDay("2026-12-13", new string('あ', 101), "admin")));
        var second = await OpeningDaysAsync(database, h => h.AddAsync(new AddHolidayOpeningDay("2026-12-13", null, "admin")));
        var removed = await OpeningDaysAsync(database, h => h.RemoveAsync(new DateOnly(2026, 12, 6), "admin"));
        var notListed = await OpeningDaysAsync(database, h => h.RemoveAsync(new DateOnly(2026, 12, 6), "admin"));

        Assert.True(added.Succeeded, added.Message);
        Assert.True(second.Succeeded, second.Message);
        Assert.True(removed.Succeeded, removed.Message);
        Assert.Equal(("R-HR-02", "day"), (duplicate.Problem!.RuleId, duplicate.Problem.Field));
        Assert.Contains("すでに休日開庁日", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("今日（令和8年(2026年)11月24日）以降", past.Message, StringComparison.Ordinal);
        Assert.Equal("day", garbled.Problem!.Field);
        Assert.Equal("note", longNote.Problem!.Field);
        Assert.Equal("day", notListed.Problem!.Field);
        await using var db = database.NewContext();
        Assert.Equal([new DateOnly(2026, 12, 13)], await db.HolidayOpeningDays.Select(d => d.Day).ToListAsync());
        var audit = await db.AuditEntries.Where(a => a.Action.StartsWith("admin.holiday-opening-day.")).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([HolidayOpeningDaysHandler.AddedAction, HolidayOpeningDaysHandler.AddedAction, HolidayOpeningDaysHandler.RemovedAction], audit.Select(a => a.Action));
        Assert.Contains("\"old\":\"2026-12-06, 2026-12-13\"", audit[2].Details, StringComparison.Ordinal);
        Assert.Contains("\"new\":\"2026-12-13\"", audit[2].Details, StringComparison.Ordinal);
    }

    private static async Task<int> OfficeAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var office = new Office
        {
            Code = "001",
            Name = "上市町役場 町民課",
            MunicipalityCode = "163228",
            MunicipalityName = "上市町",
            PrefectureName = "富山県",
            Sessions =
            [
                new OfficeSession { Start = new TimeOnly(8, 30), End = new TimeOnly(12, 0) },
                new OfficeSession { Start = new TimeOnly(13, 0), End = new TimeOnly(16, 30) },
            ],
        };
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        return office.Id;
    }

    private static async Task<AdminResult> SaveAsync(TestDatabase database, int office, string seen, params (string? Start, string? End)[] rows)
    {
        await using var db = database.NewContext();
        var handler = new SaveOfficeHoursHandler(db, new AuditTrail(db, new FixedTimeProvider(CounterAppFactory.Now)));
        return await handler.HandleAsync(new SaveOfficeHours(office, [.. rows.Select(r => new SessionInput(r.Start, r.End))], seen, "admin"));
    }

    private static async Task<AdminResult> OpeningDaysAsync(TestDatabase database, Func<HolidayOpeningDaysHandler, Task<AdminResult>> act)
    {
        await using var db = database.NewContext();
        var time = new FixedTimeProvider(CounterAppFactory.Now);
        return await act(new HolidayOpeningDaysHandler(db, new AuditTrail(db, time), time));
    }
}
