using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data;
using CounterApp.Web.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CounterApp.Web.Tests.Features.RegisterSync.RegisterSyncKit;

namespace CounterApp.Web.Tests.Features.RegisterSync;

public sealed class RegisterImportTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-EL-01")]
    public async Task Import_WhenNewResidents_InsertsThemWithCardsAndSearchKey(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var report = await ImportAsync(database,
            Row("16322800101", card: "K0101", photo: "有", expiry: "2030-03-31"),
            Row("16322800102", "剱", "花子", "ﾂﾙｷﾞ", "ハナコ", "1975-08-20", "女", status: "転出"));

        Assert.Empty(report.Errors);
        Assert.True(report.Applied);
        Assert.Equal((2, 0, 0), (report.Inserted, report.Updated, report.Unchanged));
        var taro = await ResidentAsync(database, "16322800101");
        Assert.Equal(("上市", "太郎", RegisterStatus.Registered, Municipality), (taro.FamilyName, taro.GivenName, taro.RegisterStatus, taro.MunicipalityCode));
        Assert.Equal("上市太郎|かみいちたろう", taro.SearchKey);
        var card = Assert.Single(taro.Cards);
        Assert.Equal(("K0101", true, new DateOnly(2030, 3, 31), CardStatus.Active), (card.CardNumber, card.HasPhoto, card.ExpiryDate, card.Status));
        var hanako = await ResidentAsync(database, "16322800102");
        Assert.Equal(("ツルギ", Sex.Female, RegisterStatus.MovedOut), (hanako.FamilyNameKana, hanako.Sex, hanako.RegisterStatus));
        Assert.Empty(hanako.Cards);
        Assert.True((await VerifyAuditAsync(database)).Intact);
        Assert.Equal(3, (await VerifyAuditAsync(database)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WhenDryRun_ReportsWhatWouldChangeAndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await ImportAsync(database, Row("16322800101"), Row("16322800102", given: "次郎", givenKana: "ジロウ"));

        RegisterImportReport report;
        await using (var db = database.NewContext())
        {
            report = await Import(db).ImportAsync(Csv(Row("16322800101"), Row("16322800102", given: "二郎", givenKana: "ジロウ"), Row("16322800103")), dryRun: true);
        }

        Assert.True(report.DryRun);
        Assert.False(report.Applied);
        Assert.Empty(report.Errors);
        Assert.Equal((1, 1, 1), (report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal(["名"], report.Changes.Single(c => c.Outcome == RegisterImportOutcome.Updated).ChangedFields);
        Assert.Equal(4, report.Changes.Single(c => c.Outcome == RegisterImportOutcome.Inserted).Line);
        await using var read = database.NewContext();
        Assert.Equal(2, await read.Residents.CountAsync());
        Assert.Equal("次郎", (await ResidentAsync(database, "16322800102")).GivenName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WhenSameFileTwice_SecondRunChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        string[] rows = [Row("16322800101", card: "K0101", photo: "無", expiry: "2030-03-31"), Row("16322800102", ward: "中央区")];
        await ImportAsync(database, rows);

        var second = await ImportAsync(database, rows);

        Assert.Equal((0, 0, 2), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Empty(second.Changes);
        Assert.Equal(0, (await ResidentAsync(database, "16322800101")).Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-03")]
    public async Task Import_WhenAnyRowIsBad_ImportsNothingAndReportsEveryBadRowWithLineColumnAndReason(DatabaseProvider provider)
    {
        using var japanese = new JapaneseUiCulture();
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await ImportAsync(database, Row("16322800101", card: "K0101", photo: "有", expiry: "2030-03-31"));

        RegisterImportReport report;
        await using (var db = database.NewContext())
        {
            report = await Import(db).ImportAsync(Csv(
                Row("16322800201"),                                              // line 2: good
                Row("1632280020", familyKana: "かみいち"),                         // line 3: short code, hiragana kana
                Row("16322800203", birth: "1980/04/02", sex: "M"),                 // line 4: date form, sex
                Row("16322800204", family: "", status: "不明"),                     // line 5: empty name, status
                "16322800205,上市,太郎",                                           // line 6: too few fields
                Row("16322800201"),                                              // line 7: duplicate of line 2
                Row("16322800207", card: "K0101", photo: "有", expiry: "2030-03-31"), // line 8: someone else's card
                Row("16322800208", card: "K0208", expiry: "2030-03-31")),          // line 9: card without photo flag
                dryRun: false);
        }

        Assert.False(report.Applied);
        var found = report.Errors.Select(e => (e.Line, e.Column)).ToList();
        Assert.Equal(
            [(3, "住民票コード"), (3, "氏カナ"), (4, "生年月日"), (4, "性別"), (5, "氏"), (5, "状態"), (6, null), (7, "住民票コード"), (8, "カード番号"), (9, "カード写真")],
            found);
        Assert.Contains("半角数字11桁", report.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("カタカナ", report.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", report.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Contains("2行目", report.Errors[7].Reason, StringComparison.Ordinal);
        Assert.Contains("16322800101", report.Errors[8].Reason, StringComparison.Ordinal);
        await using var read = database.NewContext();
        Assert.Equal(1, await read.Residents.CountAsync());
        Assert.Equal(2, (await VerifyAuditAsync(database)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-02")]
    public async Task Import_WhenAddressChanges_RecordsRevocationOfTheActiveCertificate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await ImportAsync(database, Row("16322800101", card: "K0101", photo: "有", expiry: "2030-03-31"));
        var certificate = await AddCertificateAsync(database, "16322800101", "K0101", "0A0B0C");
        var moved = Row("16322800101", address: "富山県中新川郡上市町法音寺2番地", card: "K0101", photo: "有", expiry: "2030-03-31");

        RegisterImportReport dry;
        await using (var db = database.NewContext())
        {
            dry = await Import(db).ImportAsync(Csv(moved), dryRun: true);
        }

        var applied = await ImportAsync(database, moved);

        Assert.Equal(1, dry.RevocationRequests);
        Assert.Equal(1, applied.RevocationRequests);
        var request = Assert.Single(await RevocationRequestsAsync(database));
        Assert.Equal((certificate, RevocationReason.AffiliationChanged, "R-RV-02", "AddressChanged (CSV)"), (request.CertificateId, request.Reason, request.RuleId, request.Cause));
        Assert.Null(request.ProcessedAt);

        // The same change again finds the request pending and asks for nothing more.
        var again = await ImportAsync(database, moved);
        Assert.Equal(0, again.RevocationRequests);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-02")]
    public async Task Import_WhenCardNumberChanges_OldCardIsReplacedAndOnlyItsCertificateRevoked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await ImportAsync(database, Row("16322800101", card: "K0101", photo: "無", expiry: "2030-03-31"));
        var old = await AddCertificateAsync(database, "16322800101", "K0101", "0A0B0C");

        var report = await ImportAsync(database, Row("16322800101", card: "K0901", photo: "有", expiry: "2036-03-31"));

        Assert.Equal(["カード番号"], Assert.Single(report.Changes).ChangedFields);
        var cards = (await ResidentAsync(database, "16322800101")).Cards.OrderBy(c => c.CardNumber).ToList();
        Assert.Equal([("K0101", CardStatus.Replaced), ("K0901", CardStatus.Active)], cards.Select(c => (c.CardNumber, c.Status)));
        var request = Assert.Single(await RevocationRequestsAsync(database));
        Assert.Equal((old, RevocationReason.CessationOfOperation), (request.CertificateId, request.Reason));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WhenNoMunicipalityConfigured_TakesTheOfficesOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = database.NewContext())
        {
            db.Offices.Add(new CounterApp.Web.Data.Entities.Office { Code = "001", Name = "上市町役場", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var report = await Import(db, new RegisterSyncOptions()).ImportAsync(Csv(Row("16322800101")), dryRun: false);
            Assert.Empty(report.Errors);
        }

        Assert.Equal("163228", (await ResidentAsync(database, "16322800101")).MunicipalityCode);
    }
}
