using System.Text;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data;
using CounterApp.Web.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CounterApp.Web.Tests.Features.RegisterSync.RegisterSyncKit;

namespace CounterApp.Web.Tests.Features.RegisterSync;

public sealed class RegisterEventTests(PostgresServer postgres)
{
    private const string Code = "16322800101";

    public static RegisterChangeEvent Parse(string json)
    {
        Assert.True(RegisterEventParser.TryParse(Encoding.UTF8.GetBytes(json), out var change, out var problem), problem?.Message);
        return change!;
    }

    public static string Json(string id, string kind, string newValues = "{}", string? card = null, string code = Code) =>
        $$"""{"eventId":"{{id}}","kind":"{{kind}}","residentCode":"{{code}}","occurredAt":"2026-11-20T09:00:00+09:00"{{(card is null ? "" : $",\"cardNumber\":\"{card}\"")}},"newValues":{{newValues}}}""";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-02")]
    public async Task Apply_WhenAddressChanged_UpdatesResidentAndRequestsRevocation(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var certificate = await AddCertificateAsync(database, Code, "K0101", "0A0B0C");

        var result = await ApplyAsync(database, Json("ev-1", "AddressChanged", """{"address":"富山県中新川郡上市町法音寺2番地","ward":null}"""));

        Assert.Equal((RegisterEventStatus.Applied, 1), (result.Status, result.RevocationRequests));
        var resident = await ResidentAsync(database, Code);
        Assert.Equal(("富山県中新川郡上市町法音寺2番地", (string?)null), (resident.Address, resident.Ward));
        var request = Assert.Single(await RevocationRequestsAsync(database));
        Assert.Equal((certificate, RevocationReason.AffiliationChanged, "R-RV-02", "AddressChanged"), (request.CertificateId, request.Reason, request.RuleId, request.Cause));
        Assert.Equal(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), request.EffectiveAt);
        await using var db = database.NewContext();
        var stored = await db.RegisterEvents.SingleAsync();
        Assert.Equal(("ev-1", RegisterEventKind.AddressChanged, Code), (stored.EventId, stored.Kind, stored.ResidentCode));
        var audit = await db.AuditEntries.OrderBy(a => a.Id).LastAsync();
        Assert.Equal(("register-sync", Code, "register.event-applied"), (audit.Actor, audit.ResidentCode, audit.Action));
        Assert.True((await VerifyAuditAsync(database)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-02")]
    public async Task Apply_WhenDeliveredTwice_SecondIsAlreadyAppliedWithNoSecondEffect(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await AddCertificateAsync(database, Code, "K0101", "0A0B0C");
        var json = Json("ev-2", "Died");

        var first = await ApplyAsync(database, json);
        var second = await ApplyAsync(database, json.Replace("2026-11-20T09:00:00+09:00", "2026-11-20T00:00:00Z", StringComparison.Ordinal));
        var reused = await ApplyAsync(database, Json("ev-2", "MovedOut"));

        Assert.Equal(RegisterEventStatus.Applied, first.Status);
        Assert.Equal(RegisterEventStatus.AlreadyApplied, second.Status);
        Assert.Equal((RegisterEventStatus.EventIdReused, "eventId"), (reused.Status, reused.Field));
        Assert.Equal(RegisterStatus.Deceased, (await ResidentAsync(database, Code)).RegisterStatus);
        var request = Assert.Single(await RevocationRequestsAsync(database));
        Assert.Equal(RevocationReason.CessationOfOperation, request.Reason);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.RegisterEvents.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "register.event-applied"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_WhenDeliveredConcurrently_AppliesOnce(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await AddCertificateAsync(database, Code, "K0101", "0A0B0C");
        var change = Parse(Json("ev-3", "MovedOut"));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = database.NewContext();
            return await Events(db).ApplyAsync(change);
        }));

        Assert.Equal(1, results.Count(r => r.Status == RegisterEventStatus.Applied));
        Assert.Equal(3, results.Count(r => r.Status == RegisterEventStatus.AlreadyApplied));
        Assert.Single(await RevocationRequestsAsync(database));
        Assert.True((await VerifyAuditAsync(database)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_WhenResidentOrCardUnknown_RefusesAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);

        var resident = await ApplyAsync(database, Json("ev-4", "Died", code: "16322899999"));
        var card = await ApplyAsync(database, Json("ev-5", "CardReturned", card: "K9999"));

        Assert.Equal((RegisterEventStatus.ResidentNotFound, "residentCode"), (resident.Status, resident.Field));
        Assert.Contains("16322899999", resident.Message, StringComparison.Ordinal);
        Assert.Equal((RegisterEventStatus.CardNotFound, "cardNumber"), (card.Status, card.Field));
        await using var db = database.NewContext();
        Assert.Equal(0, await db.RegisterEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-02")]
    public async Task Apply_WhenCardReplaced_OldCardReplacedNewCardActiveAndOnlyTheOldCardsCertificateRevoked(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var onOldCard = await AddCertificateAsync(database, Code, "K0101", "0A0B0C");

        var result = await ApplyAsync(database, Json("ev-6", "CardReplaced", NewCard("K0901", ChipFor("K0901")), card: "K0101"));

        Assert.Equal((RegisterEventStatus.Applied, 1), (result.Status, result.RevocationRequests));
        var cards = (await ResidentAsync(database, Code)).Cards.OrderBy(c => c.CardNumber).ToList();
        Assert.Equal([("K0101", CardStatus.Replaced), ("K0901", CardStatus.Active)], cards.Select(c => (c.CardNumber, c.Status)));
        Assert.Equal(onOldCard, Assert.Single(await RevocationRequestsAsync(database)).CertificateId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    public async Task Apply_WhenCardReplaced_RecordsTheNewCardsChipSerial(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);

        var result = await ApplyAsync(database, Json("ev-chip-1", "CardReplaced", NewCard("K0901", "00112233AABBCCDD"), card: "K0101"));

        Assert.Equal(RegisterEventStatus.Applied, result.Status);
        var cards = (await ResidentAsync(database, Code)).Cards.OrderBy(c => c.CardNumber).ToList();
        Assert.Equal([("K0101", ChipFor("K0101")), ("K0901", "00112233AABBCCDD")], cards.Select(c => (c.CardNumber, c.ChipSerial)));
        await using var db = database.NewContext();
        Assert.Contains("\"newCardChipSerial\":\"00112233AABBCCDD\"", (await db.RegisterEvents.SingleAsync()).Payload, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CA-04")]
    [Trait("Rule", "R-X-03")]
    public async Task Apply_WhenTheNewCardsChipSerialIsAnotherCards_IsRefusedNamingTheFieldAndChangesNothing(DatabaseProvider provider)
    {
        using var japanese = new JapaneseUiCulture();
        await using var database = await SeededAsync(provider);
        await ImportAsync(database, Row("16322800102", card: "K0102", photo: "有", expiry: "2030-03-31"));

        var result = await ApplyAsync(database, Json("ev-chip-2", "CardReplaced", NewCard("K0901", ChipFor("K0102")), card: "K0101"));

        Assert.Equal((RegisterEventStatus.ChipSerialTaken, "newValues.newCardChipSerial"), (result.Status, result.Field));
        Assert.Equal($"新しいカードのICチップ番号 {ChipFor("K0102")} は別のカード（カード番号 K0102）のものです。", result.Message);
        var card = Assert.Single((await ResidentAsync(database, Code)).Cards);
        Assert.Equal(("K0101", CardStatus.Active, ChipFor("K0101")), (card.CardNumber, card.Status, card.ChipSerial));
        await using var db = database.NewContext();
        Assert.Equal(0, await db.RegisterEvents.CountAsync());
    }

    [Theory]
    [Trait("Rule", "R-CA-04")]
    [Trait("Rule", "R-X-03")]
    [InlineData("""{"newCardNumber":"K2","newCardHasPhoto":true,"newCardExpiryDate":"2036-04-01"}""", "Required")]
    [InlineData("""{"newCardNumber":"K2","newCardHasPhoto":true,"newCardExpiryDate":"2036-04-01","newCardChipSerial":"00112233aabbccdd"}""", "ChipSerialFormat")]
    [InlineData("""{"newCardNumber":"K2","newCardHasPhoto":true,"newCardExpiryDate":"2036-04-01","newCardChipSerial":"00112233AABBCC"}""", "ChipSerialFormat")]
    [InlineData("""{"newCardNumber":"K2","newCardHasPhoto":true,"newCardExpiryDate":"2036-04-01","newCardChipSerial":"00112233AABBCCDG"}""", "ChipSerialFormat")]
    [InlineData("""{"newCardNumber":"K2","newCardHasPhoto":true,"newCardExpiryDate":"2036-04-01","newCardChipSerial":1234}""", "TypeString")]
    public void Parse_WhenTheNewCardsChipSerialIsMissingOrMalformed_NamesTheFieldAndTheRule(string newValues, string rule)
    {
        using var japanese = new JapaneseUiCulture();
        var json = Json("e", "CardReplaced", newValues, card: "K1");

        Assert.False(RegisterEventParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out var problem));

        Assert.Equal("newValues.newCardChipSerial", problem!.Field);
        Assert.Contains("newValues.newCardChipSerial", problem.Message, StringComparison.Ordinal);
        if (rule == "ChipSerialFormat")
        {
            Assert.Contains("A～Fと数字で16文字", problem.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_WhenNameChanged_RefoldsTheSearchKey(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);

        await ApplyAsync(database, Json("ev-7", "NameChanged", """{"familyName":"剱","givenName":"太郎","familyNameKana":"ﾂﾙｷﾞ"}"""));

        var resident = await ResidentAsync(database, Code);
        Assert.Equal(("剱", "ツルギ", "タロウ", "剱太郎|つるぎたろう"), (resident.FamilyName, resident.FamilyNameKana, resident.GivenNameKana, resident.SearchKey));
    }

    [Theory]
    [Trait("Rule", "R-X-03")]
    [InlineData("not json", "body")]
    [InlineData("[]", "body")]
    [InlineData("""{"kind":"Died","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00+09:00"}""", "eventId")]
    [InlineData("""{"eventId":"e","kind":"Married","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00+09:00"}""", "kind")]
    [InlineData("""{"eventId":"e","kind":"3","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00+09:00"}""", "kind")]
    [InlineData("""{"eventId":"e","kind":"Died","residentCode":"1632280010","occurredAt":"2026-11-20T09:00:00+09:00"}""", "residentCode")]
    [InlineData("""{"eventId":"e","kind":"Died","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00"}""", "occurredAt")]
    [InlineData("""{"eventId":"e","kind":"Died","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z","extra":1}""", "extra")]
    [InlineData("""{"eventId":"e","kind":"Died","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z","cardNumber":"K1"}""", "cardNumber")]
    [InlineData("""{"eventId":"e","kind":"CardReturned","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z"}""", "cardNumber")]
    [InlineData("""{"eventId":"e","kind":"AddressChanged","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z"}""", "newValues")]
    [InlineData("""{"eventId":"e","kind":"AddressChanged","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z","newValues":{"adress":"x"}}""", "newValues.adress")]
    [InlineData("""{"eventId":"e","kind":"AddressChanged","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z","newValues":{"address":"x","sex":"男"}}""", "newValues.sex")]
    [InlineData("""{"eventId":"e","kind":"SexChanged","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z","newValues":{"sex":"?"}}""", "newValues.sex")]
    [InlineData("""{"eventId":"e","kind":"BirthDateChanged","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z","newValues":{"birthDate":"1980/1/1"}}""", "newValues.birthDate")]
    [InlineData("""{"eventId":"e","kind":"NameChanged","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z","newValues":{"familyName":"a","givenName":1}}""", "newValues.givenName")]
    [InlineData("""{"eventId":"e","kind":"CardReplaced","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00Z","cardNumber":"K1","newValues":{"newCardNumber":"K2"}}""", "newValues.newCardHasPhoto")]
    public void Parse_WhenMalformed_NamesTheField(string json, string field)
    {
        Assert.False(RegisterEventParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out var problem));
        Assert.Equal(field, problem!.Field);
        Assert.Contains(field.Split('.')[^1] == "body" ? "JSON" : field, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenSameEventWrittenDifferently_GivesTheSamePayload()
    {
        var a = Parse("""{"eventId":"e1","kind":"AddressChanged","residentCode":"16322800101","occurredAt":"2026-11-20T09:00:00+09:00","newValues":{"address":"上市町"}}""");
        var b = Parse("""{ "newValues": { "address": " 上市町 " }, "occurredAt": "2026-11-20T00:00:00Z", "residentCode": "16322800101", "kind": "addresschanged", "eventId": "e1" }""");

        Assert.Equal(a.Payload, b.Payload);
        Assert.Contains("上市町", a.Payload, StringComparison.Ordinal);
    }

    private static string NewCard(string number, string chip) =>
        $$"""{"newCardNumber":"{{number}}","newCardHasPhoto":true,"newCardExpiryDate":"2036-04-01","newCardChipSerial":"{{chip}}"}""";

    private async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await ImportAsync(database, Row(Code, card: "K0101", photo: "有", expiry: "2030-03-31"));
        return database;
    }

    private static async Task<RegisterEventResult> ApplyAsync(TestDatabase database, string json)
    {
        await using var db = database.NewContext();
        return await Events(db).ApplyAsync(Parse(json));
    }
}
