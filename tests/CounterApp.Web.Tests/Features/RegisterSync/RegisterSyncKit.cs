using System.Text;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Features.RegisterSync;

/// <summary>Builds the register sync's services on a test database, and CSV files in the register's format.</summary>
internal static class RegisterSyncKit
{
    public const string Municipality = "163228";

    public const string Header = "住民票コード,氏,名,氏カナ,名カナ,生年月日,性別,住所,区,状態,カード番号,カード写真,カード有効期限,カードICチップ番号";

    public static readonly TimeProvider Time = new FixedTimeProvider(CounterAppFactory.Now);

    public static RegisterImport Import(CounterDbContext db, RegisterSyncOptions? options = null) =>
        new(db, Time, Options.Create(options ?? new RegisterSyncOptions { MunicipalityCode = Municipality }), new AuditTrail(db, Time), TestRegister.Statuses(db), NullLogger<RegisterImport>.Instance);

    public static RegisterEventApplier Events(CounterDbContext db) =>
        new(db, Time, new AuditTrail(db, Time), TestRegister.Statuses(db), NullLogger<RegisterEventApplier>.Instance);

    /// <summary>A CSV row; the defaults make a registered resident with a photo card, whose chip serial is <see cref="ChipFor"/> its number.</summary>
    public static string Row(
        string code,
        string family = "上市",
        string given = "太郎",
        string familyKana = "カミイチ",
        string givenKana = "タロウ",
        string birth = "1980-04-02",
        string sex = "男",
        string address = "富山県中新川郡上市町稗田1番地",
        string ward = "",
        string status = "住民",
        string card = "",
        string photo = "",
        string expiry = "",
        string? chip = null) =>
        string.Join(',', code, family, given, familyKana, givenKana, birth, sex, address, ward, status, card, photo, expiry, chip ?? (card.Length > 0 ? ChipFor(card) : ""));

    /// <summary>The chip serial the rows give a card number unless told otherwise (R-CA-04): the simulated cards' derivation.</summary>
    public static string ChipFor(string cardNumber) => CounterApp.Web.Features.Readers.SimulatedCards.SerialFor(cardNumber);

    public static MemoryStream Csv(params string[] rows) => Bytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    public static MemoryStream Bytes(string text, bool bom = false) =>
        new(bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    public static async Task<RegisterImportReport> ImportAsync(TestDatabase database, params string[] rows)
    {
        await using var db = database.NewContext();
        return await Import(db).ImportAsync(Csv(rows), dryRun: false);
    }

    /// <summary>Gives the resident's card with that number an active certificate; returns its id.</summary>
    public static async Task<long> AddCertificateAsync(TestDatabase database, string residentCode, string cardNumber, string serial)
    {
        await using var db = database.NewContext();
        var resident = await db.Residents.Include(r => r.Cards).SingleAsync(r => r.ResidentCode == residentCode);
        var certificate = new CertificateRecord
        {
            Serial = serial,
            ResidentId = resident.Id,
            CardId = resident.Cards.Single(c => c.CardNumber == cardNumber).Id,
            IssuedOn = new DateOnly(2026, 1, 5),
            ExpiresOn = new DateOnly(2029, 1, 5),
        };
        db.Certificates.Add(certificate);
        TestRegister.AddLegacy(db, certificate);
        await db.SaveChangesAsync();
        return certificate.Id;
    }

    public static async Task<ResidentRecord> ResidentAsync(TestDatabase database, string residentCode)
    {
        await using var db = database.NewContext();
        return await db.Residents.AsNoTracking().Include(r => r.Cards).SingleAsync(r => r.ResidentCode == residentCode);
    }

    public static async Task<List<RevocationRequestRecord>> RevocationRequestsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.RevocationRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public static async Task<AuditVerification> VerifyAuditAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new AuditVerifier(db).VerifyAsync();
    }
}
