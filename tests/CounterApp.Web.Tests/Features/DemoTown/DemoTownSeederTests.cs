using CounterApp.Domain.Residents;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Data.Seed;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.DemoTown;

public sealed class DemoTownSeederTests(PostgresServer postgres)
{
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(9)));

    [Theory]
    [Trait("Rule", "R-X-01")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_WhenEmptyDatabase_CreatesTownOfficeCounterResidentsAndStaffOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var services = TestServices.Build(database, Clock);

        IReadOnlyList<(string UserName, string Password, string Role)> first;
        await using (var scope = services.CreateAsyncScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync());
        }

        Assert.Equal(["admin", "clerk", "supervisor"], first.Select(s => s.UserName).Order());
        await using var db = database.NewContext();
        var office = await db.Offices.Include(o => o.Counters).Include(o => o.Sessions).SingleAsync();
        Assert.Equal("上市町", office.MunicipalityName);
        Assert.Equal("富山県", office.PrefectureName);
        Assert.Equal(2, Assert.Single(office.Counters).Number);
        Assert.Equal(2, office.Sessions.Count);
        Assert.Equal(8, await db.Residents.CountAsync());
        Assert.Contains(await db.Residents.ToListAsync(), r => r.RegisterStatus == RegisterStatus.MovedOut);
        Assert.Contains(await db.Residents.ToListAsync(), r => r.IsAdultWard);
        Assert.Contains(await db.Certificates.ToListAsync(), c => c.IsLocked);
        // The search key follows the names on every save (ｶﾐｲﾁ = カミイチ = かみいち).
        var taro = await db.Residents.SingleAsync(r => r.ResidentCode == "16322800001");
        Assert.Contains(ResidentSearchKey.Fold("ｶﾐｲﾁ"), taro.SearchKey, StringComparison.Ordinal);
        Assert.Contains("上市太郎", taro.SearchKey, StringComparison.Ordinal);
        // R-X-01: the seeding is audited once, without any password.
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.Action == "demo-town.created").ToListAsync());
        Assert.All(first, s => Assert.DoesNotContain(s.Password, entry.Details!, StringComparison.Ordinal));
        // Under 15 on the seeding day, by R-EL-04.
        Assert.Contains(await db.Residents.ToListAsync(), r => Domain.Periods.LegalAge.AgeOn(r.BirthDate, new DateOnly(2026, 11, 24)) < 15);
    }

    [Theory]
    [Trait("Rule", "R-CA-04")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_GivesEveryDemoCardTheChipSerialOfItsSimulatedCard_AndCompletesThemOnATownSeededBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var services = TestServices.Build(database, Clock);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync();
        }

        await using (var db = database.NewContext())
        {
            var cards = await db.ResidentCards.ToListAsync();
            Assert.All(cards, c => Assert.Equal(Web.Features.Readers.SimulatedCards.SerialFor(c.CardNumber), c.ChipSerial));
            Assert.All(cards, c => Assert.True(Card.Profile.TokenInfo.IsValidSerial(c.ChipSerial!)));

            // A town seeded before schema 0011: its cards have no chip serial yet.
            cards.ForEach(c => c.ChipSerial = null);
            await db.SaveChangesAsync();
        }

        int completed, again;
        await using (var scope = services.CreateAsyncScope())
        {
            completed = await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().CompleteChipSerialsAsync();
            again = await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().CompleteChipSerialsAsync();
        }

        Assert.Equal((8, 0), (completed, again));
        await using var read = database.NewContext();
        Assert.All(await read.ResidentCards.ToListAsync(), c => Assert.Equal(Web.Features.Readers.SimulatedCards.SerialFor(c.CardNumber), c.ChipSerial));
        Assert.Single(await read.AuditEntries.Where(a => a.Action == "demo-town.chip-serials-completed").ToListAsync());
    }

    [Theory]
    [Trait("Rule", "R-X-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_WhenStaffCreated_StoresOnlyHashesAndThePrintedPasswordsSignIn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var services = TestServices.Build(database, Clock);
        await using var scope = services.CreateAsyncScope();
        var signIns = await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        foreach (var (userName, password, role) in signIns)
        {
            var user = await users.FindByNameAsync(userName);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, password));
            Assert.True(await users.IsInRoleAsync(user, role));
            Assert.DoesNotContain(password, user.PasswordHash!, StringComparison.Ordinal);
        }

        // The clear passwords appear nowhere in the database's staff rows.
        await using var db = database.NewContext();
        var rows = await db.Users.AsNoTracking().ToListAsync();
        Assert.All(signIns, s => Assert.DoesNotContain(rows, r => r.PasswordHash == s.Password || r.SecurityStamp == s.Password));
        Assert.Equal(3, signIns.Select(s => s.Password).Distinct().Count());
    }

    [Fact]
    public void GeneratePassword_WhenCalled_MeetsThePolicyAndDiffers()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => DemoTownSeeder.GeneratePassword()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Equal(16, p.Length);
            Assert.Contains(p, char.IsAsciiLetterUpper);
            Assert.Contains(p, char.IsAsciiLetterLower);
            Assert.Contains(p, char.IsAsciiDigit);
            Assert.Contains(p, c => !char.IsAsciiLetterOrDigit(c));
        });
        Assert.Equal(50, passwords.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_WhenAnAdministratorRenamedTheOfficeCode_SeedsNothingAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var services = TestServices.Build(database, Clock);
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync());
        }

        await using (var db = database.NewContext())
        {
            (await db.Offices.SingleAsync()).Code = "101";
            await db.SaveChangesAsync();
        }

        // The next start: before, the seeder looked for office 001, found none and crashed on the residents' codes.
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync());
        }

        await using var check = database.NewContext();
        Assert.Equal("101", (await check.Offices.SingleAsync()).Code);
        Assert.Equal(8, await check.Residents.CountAsync());
        Assert.Equal(3, await check.Users.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReferenceData_WhenSeededTwiceAfterAnAdminEdit_KeepsTheEditAndAddsNothingTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var services = TestServices.Build(database, Clock);
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync() > 20);
        }

        await using (var db = database.NewContext())
        {
            var staffId = await db.IdentityDocumentTypes.SingleAsync(t => t.Code == "staff-id");
            staffId.Accepted = false;
            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        }

        await using var check = database.NewContext();
        Assert.Equal(22, await check.IdentityDocumentTypes.CountAsync());
        Assert.False((await check.IdentityDocumentTypes.SingleAsync(t => t.Code == "staff-id")).Accepted);
        Assert.Equal(500, (await check.Fees.SingleAsync(f => f.Item == Domain.Fees.FeeItem.CertificateIssuance)).Amount);
    }
}
