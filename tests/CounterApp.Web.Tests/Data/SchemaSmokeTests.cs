using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Data;

public sealed class SchemaSmokeTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_WhenFreshDatabase_CreatesSchemaThatTheModelCanUse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = database.NewContext())
        {
            db.Offices.Add(new Office { Code = "001", Name = "上市町役場", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" });
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var office = await read.Offices.SingleAsync();
        Assert.Equal("上市町", office.MunicipalityName);
    }
}
