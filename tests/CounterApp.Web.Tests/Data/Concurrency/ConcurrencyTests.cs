using System.Globalization;
using CounterApp.Domain.Residents;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Concurrency;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Data.Concurrency;

public sealed class ConcurrencyTests(PostgresServer postgres)
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveOrConflictAsync_WhenTwoClerksSaveTheSameResident_SecondGetsConflictAndKeepsWhatTheyTyped(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var id = await ResidentAsync(database);
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var clerkA = await first.Residents.SingleAsync(r => r.Id == id);
        var clerkB = await second.Residents.SingleAsync(r => r.Id == id);

        clerkA.Address = "富山県中新川郡上市町法音寺1";
        var saved = await first.SaveOrConflictAsync(Japanese);
        clerkB.Address = "富山県中新川郡上市町稗田2";
        clerkB.GivenNameKana = "ハナコ";
        var result = await second.SaveOrConflictAsync(Japanese);

        Assert.True(saved.Succeeded);
        Assert.False(result.Succeeded);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("ほかの職員が先にこの住民の記録を保存したため、保存できませんでした。入力した内容は消えていません。最新の内容と見比べてから、もう一度保存してください。", result.Message);
        Assert.Equal(nameof(ResidentRecord), conflict.Entity);
        Assert.False(conflict.DeletedByOther);
        Assert.Equal("富山県中新川郡上市町稗田2", conflict.Proposed["Address"]);
        Assert.Equal("ハナコ", conflict.Proposed["GivenNameKana"]);
        Assert.Equal("富山県中新川郡上市町法音寺1", conflict.Current!["Address"]);
        Assert.Equal("ハナコ", clerkB.GivenNameKana);
        Assert.Equal(1, conflict.CurrentVersion);
        Assert.Contains("Address", conflict.Differing);
        Assert.Contains("GivenNameKana", conflict.Differing);
        Assert.DoesNotContain("FamilyName", conflict.Differing);
        Assert.DoesNotContain("Version", conflict.Proposed.Keys);

        await using var read = database.NewContext();
        var stored = await read.Residents.SingleAsync(r => r.Id == id);
        Assert.Equal("富山県中新川郡上市町法音寺1", stored.Address);
        Assert.Equal("カミイチ", stored.GivenNameKana);
        Assert.Equal(1, stored.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveOrConflictAsync_WhenClerkResubmitsWithTheCurrentVersion_Saves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var id = await ResidentAsync(database);
        await using (var first = database.NewContext())
        {
            (await first.Residents.SingleAsync(r => r.Id == id)).Address = "先に保存された住所";
            Assert.True((await first.SaveOrConflictAsync()).Succeeded);
        }

        // A stateless form post: load, apply the version the clerk saw and what they typed, save.
        await using var stale = database.NewContext();
        var resident = await stale.Residents.SingleAsync(r => r.Id == id);
        stale.Entry(resident).ExpectVersion(0);
        resident.Address = "後から入力した住所";
        var conflict = await stale.SaveOrConflictAsync(Japanese);
        Assert.False(conflict.Succeeded);

        await using var retry = database.NewContext();
        var again = await retry.Residents.SingleAsync(r => r.Id == id);
        retry.Entry(again).ExpectVersion(conflict.Conflicts[0].CurrentVersion!.Value);
        again.Address = (string)conflict.Conflicts[0].Proposed["Address"]!;
        Assert.True((await retry.SaveOrConflictAsync(Japanese)).Succeeded);

        await using var read = database.NewContext();
        var stored = await read.Residents.SingleAsync(r => r.Id == id);
        Assert.Equal("後から入力した住所", stored.Address);
        Assert.Equal(2, stored.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveOrConflictAsync_WhenTwoSupervisorsCloseTheSameLedgerDay_SecondGetsConflictInEnglishWhenAsked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        long dayId;
        await using (var setup = database.NewContext())
        {
            var office = new Office { Code = "001", Name = "上市町役場", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" };
            setup.Offices.Add(office);
            await setup.SaveChangesAsync();
            var day = new LedgerDay { OfficeId = office.Id, Day = new DateOnly(2026, 11, 24), Status = LedgerDayStatus.Open };
            setup.LedgerDays.Add(day);
            await setup.SaveChangesAsync();
            dayId = day.Id;
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var a = await first.LedgerDays.SingleAsync(d => d.Id == dayId);
        var b = await second.LedgerDays.SingleAsync(d => d.Id == dayId);
        a.CashCounted = 1000;
        b.CashCounted = 1500;
        Assert.True((await first.SaveOrConflictAsync()).Succeeded);

        var result = await second.SaveOrConflictAsync(CultureInfo.GetCultureInfo("en"));

        Assert.StartsWith("Another clerk saved this fee ledger day first", result.Message);
        Assert.Equal(1500, result.Conflicts[0].Proposed["CashCounted"]);
        Assert.Equal(1000, result.Conflicts[0].Current!["CashCounted"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveOrConflictAsync_WhenOtherClerkDeletedTheRow_SaysSoAndKeepsTheTypedValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var id = await ResidentAsync(database);
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        first.Residents.Remove(await first.Residents.SingleAsync(r => r.Id == id));
        var clerkB = await second.Residents.SingleAsync(r => r.Id == id);
        await first.SaveChangesAsync();

        clerkB.Address = "入力した住所";
        var result = await second.SaveOrConflictAsync(Japanese);

        var conflict = Assert.Single(result.Conflicts);
        Assert.True(conflict.DeletedByOther);
        Assert.Null(conflict.CurrentVersion);
        Assert.Equal("この住民の記録はほかの職員が削除したため、保存できませんでした。入力した内容は画面に残っています。", conflict.Message);
        Assert.Equal("入力した住所", conflict.Proposed["Address"]);
    }

    private static async Task<long> ResidentAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var resident = new ResidentRecord
        {
            ResidentCode = "12345678901",
            MunicipalityCode = "163228",
            RegisterStatus = RegisterStatus.Registered,
            FamilyName = "上市",
            GivenName = "花子",
            FamilyNameKana = "カミイチ",
            GivenNameKana = "カミイチ",
            BirthDate = new DateOnly(1980, 5, 1),
            Sex = Sex.Female,
            Address = "富山県中新川郡上市町元町1",
            UpdatedAt = DateTime.UtcNow,
        };
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        return resident.Id;
    }
}
