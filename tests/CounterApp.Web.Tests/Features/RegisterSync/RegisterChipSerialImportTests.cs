using CounterApp.Web.Data;
using CounterApp.Web.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CounterApp.Web.Tests.Features.RegisterSync.RegisterSyncKit;

namespace CounterApp.Web.Tests.Features.RegisterSync;

/// <summary>R-CA-04: the register import carries each card's chip serial, strictly.</summary>
public sealed class RegisterChipSerialImportTests(PostgresServer postgres)
{
    private const string Chip = "0123456789ABCDEF";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    public async Task Import_WhenACardRowCarriesAChipSerial_RecordsItOnTheCard(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var report = await ImportAsync(database, Row("16322800101", card: "K0101", photo: "有", expiry: "2030-03-31", chip: Chip));

        Assert.Empty(report.Errors);
        var card = Assert.Single((await ResidentAsync(database, "16322800101")).Cards);
        Assert.Equal(("K0101", Chip), (card.CardNumber, card.ChipSerial));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    [Trait("Rule", "R-X-03")]
    public async Task Import_WhenAChipSerialIsMalformedMissingOrStray_RefusesEachRowNamingTheColumnAndSavesNothing(DatabaseProvider provider)
    {
        using var japanese = new JapaneseUiCulture();
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        RegisterImportReport report;
        await using (var db = database.NewContext())
        {
            report = await Import(db).ImportAsync(Csv(
                Row("16322800201", card: "K0201", photo: "有", expiry: "2030-03-31"),                           // line 2: good
                Row("16322800202", card: "K0202", photo: "有", expiry: "2030-03-31", chip: "0123456789abcdef"), // line 3: lower case
                Row("16322800203", card: "K0203", photo: "有", expiry: "2030-03-31", chip: "0123456789ABCDE"),  // line 4: 15 characters
                Row("16322800204", card: "K0204", photo: "有", expiry: "2030-03-31", chip: "0123456789ABCDEG"), // line 5: not hex
                Row("16322800205", card: "K0205", photo: "有", expiry: "2030-03-31", chip: ""),                 // line 6: missing
                Row("16322800206", chip: Chip)),                                                                  // line 7: no card
                dryRun: false);
        }

        Assert.False(report.Applied);
        Assert.Equal(
            [(3, "カードICチップ番号"), (4, "カードICチップ番号"), (5, "カードICチップ番号"), (6, "カードICチップ番号"), (7, "カードICチップ番号")],
            report.Errors.Select(e => (e.Line, e.Column)));
        Assert.All(report.Errors.Take(3), e => Assert.Equal("「カードICチップ番号」は半角の英大文字A～Fと数字で16文字にしてください（R-CA-04）。", e.Reason));
        Assert.Contains("カードICチップ番号", report.Errors[3].Reason, StringComparison.Ordinal);
        Assert.Contains("「カード番号」が空", report.Errors[4].Reason, StringComparison.Ordinal);
        await using var read = database.NewContext();
        Assert.Equal(0, await read.Residents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    public async Task Import_WhenAChipSerialIsAnotherCardsOrTwiceInTheFile_RefusesTheRow(DatabaseProvider provider)
    {
        using var japanese = new JapaneseUiCulture();
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await ImportAsync(database, Row("16322800101", card: "K0101", photo: "有", expiry: "2030-03-31", chip: Chip));

        RegisterImportReport report;
        await using (var db = database.NewContext())
        {
            report = await Import(db).ImportAsync(Csv(
                Row("16322800301", card: "K0301", photo: "有", expiry: "2030-03-31", chip: Chip),               // line 2: K0101's chip
                Row("16322800302", card: "K0302", photo: "有", expiry: "2030-03-31", chip: "FEDCBA9876543210"), // line 3
                Row("16322800303", card: "K0303", photo: "有", expiry: "2030-03-31", chip: "FEDCBA9876543210")), // line 4: as line 3
                dryRun: false);
        }

        Assert.False(report.Applied);
        Assert.Equal([(2, "カードICチップ番号"), (4, "カードICチップ番号")], report.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal($"ICチップ番号 {Chip} は別のカード（カード番号 K0101）のものです。", report.Errors[0].Reason);
        Assert.Contains("3行目", report.Errors[1].Reason, StringComparison.Ordinal);
        await using var read = database.NewContext();
        Assert.Equal(1, await read.Residents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    public async Task Import_WhenALegacyCardHasNoChipSerial_TheNextRowFillsItInWithoutARevocation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await ImportAsync(database, Row("16322800101", card: "K0101", photo: "有", expiry: "2030-03-31", chip: Chip));
        await AddCertificateAsync(database, "16322800101", "K0101", "0A0B0C");
        await using (var db = database.NewContext())
        {
            var legacy = await db.ResidentCards.SingleAsync(c => c.CardNumber == "K0101");
            legacy.ChipSerial = null;
            await db.SaveChangesAsync();
        }

        var report = await ImportAsync(database, Row("16322800101", card: "K0101", photo: "有", expiry: "2030-03-31", chip: Chip));

        Assert.True(report.Applied);
        Assert.Equal(["カードICチップ番号"], Assert.Single(report.Changes).ChangedFields);
        Assert.Equal(0, report.RevocationRequests);
        Assert.Equal(Chip, Assert.Single((await ResidentAsync(database, "16322800101")).Cards).ChipSerial);
        Assert.Empty(await RevocationRequestsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    [Trait("Rule", "R-X-03")]
    public async Task Import_WhenTheHeaderLacksTheChipSerialColumn_RefusesTheFileAtTheHeader(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var header = Header.Replace(",カードICチップ番号", "", StringComparison.Ordinal);
        var row = Row("16322800101", card: "K0101", photo: "有", expiry: "2030-03-31");
        var csv = header + "\n" + row[..row.LastIndexOf(',')] + "\n";

        await using var db = database.NewContext();
        var report = await Import(db).ImportAsync(Bytes(csv), dryRun: false);

        Assert.Equal((1, "カードICチップ番号"), Assert.Single(report.Errors) is var e ? (e.Line, e.Column) : default);
        Assert.Equal(0, await db.Residents.CountAsync());
    }
}
