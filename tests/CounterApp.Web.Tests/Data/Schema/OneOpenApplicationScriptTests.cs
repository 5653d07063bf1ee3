using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// 0012_one_open_application on a database written before R-CE-08, which already holds several open applications of
/// one procedure for one resident: the script applies on both providers, keeps the one furthest along open, closes the
/// others honestly (cancelled before payment, failed with the fee owed a void after it), records each in the history,
/// and from then on the database refuses a second open application.
/// </summary>
[Trait("Rule", "R-CE-08")]
public sealed class OneOpenApplicationScriptTests(PostgresServer postgres)
{
    private const int Script = 12;

    private static readonly Guid Received = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid LetterOut = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid PaidFirst = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid PaidSecond = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid Completed = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    private static readonly Guid Renewal = Guid.Parse("00000000-0000-0000-0000-00000000000f");
    private static readonly Guid OtherEarly = Guid.Parse("00000000-0000-0000-0000-000000000010");
    private static readonly Guid OtherLate = Guid.Parse("00000000-0000-0000-0000-000000000011");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-03")]
    public async Task Script_WhenDuplicatesAlreadyExist_AppliesKeepsOneOpenAndClosesTheRestWithHistory(DatabaseProvider provider)
    {
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        database.Options.ScriptsDirectory = scripts.Path;
        var held = HoldBack(scripts, provider);
        await database.Migrator().MigrateAsync();
        await ArrangeDuplicatesAsync(database);
        Restore(held);

        var applied = await database.Migrator().MigrateAsync();

        Assert.Contains(applied, s => s.Version == Script);
        await using var db = database.NewContext();
        var rows = await db.Applications.AsNoTracking().Include(a => a.History).ToDictionaryAsync(a => a.Id);
        Assert.Equal(ApplicationState.Cancelled, rows[Received].State);
        Assert.Equal(ApplicationState.Cancelled, rows[LetterOut].State);
        Assert.Equal(ApplicationState.FeePaid, rows[PaidFirst].State); // furthest along, received first: kept open
        Assert.Equal(ApplicationState.Failed, rows[PaidSecond].State);
        Assert.Equal("VoidOrRefundFee", rows[PaidSecond].Outstanding); // R-FE-03: its fee is owed a void or refund
        Assert.Equal(ApplicationState.Completed, rows[Completed].State);
        Assert.Equal(ApplicationState.Received, rows[Renewal].State); // another procedure: not a duplicate
        Assert.Equal(ApplicationState.Received, rows[OtherEarly].State);
        Assert.Equal(ApplicationState.Cancelled, rows[OtherLate].State);
        foreach (var (closed, keeper, from) in new[]
        {
            (Received, PaidFirst, ApplicationState.Received), (LetterOut, PaidFirst, ApplicationState.InquiryLetterMailed),
            (PaidSecond, PaidFirst, ApplicationState.FeePaid), (OtherLate, OtherEarly, ApplicationState.Received),
        })
        {
            var last = rows[closed].History.OrderBy(h => h.Sequence).Last();
            Assert.Equal((from, rows[closed].State, "schema 0012"), (last.FromState, last.ToState, last.By));
            Assert.Contains("R-CE-08", last.Note, StringComparison.Ordinal);
            Assert.Contains(keeper.ToString(), last.Note, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(rows[closed].History.Count, last.Sequence);
            Assert.Equal(2, rows[closed].Version);

            // The closed application is one the domain could have produced (Restore checks every fact).
            Assert.NotNull(await ApplicationMapper.LoadAsync(db, closed));
        }

        Assert.Equal(1, rows[PaidFirst].Version);
        Assert.Equal("Cancelled", (await db.InquiryLetters.AsNoTracking().SingleAsync(l => l.ApplicationId == LetterOut)).Status.ToString());

        db.Applications.Add(new ApplicationRecord
        {
            Id = Guid.NewGuid(), OfficeId = rows[PaidFirst].OfficeId, ResidentId = rows[PaidFirst].ResidentId, Procedure = Procedure.NewIssuance,
            Applicant = ApplicantKind.InPerson, State = ApplicationState.Received, ReceivedAt = DateTime.UtcNow, ReceivedBy = "clerk",
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Script_WhenNoDuplicates_ChangesNoApplication(DatabaseProvider provider)
    {
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        database.Options.ScriptsDirectory = scripts.Path;
        var held = HoldBack(scripts, provider);
        await database.Migrator().MigrateAsync();
        await ArrangeDuplicatesAsync(database, duplicates: false);
        Restore(held);

        await database.Migrator().MigrateAsync();

        await using var db = database.NewContext();
        Assert.All(await db.Applications.AsNoTracking().ToListAsync(), a => Assert.Equal(1, a.Version));
        Assert.False(await db.ApplicationStateChanges.AnyAsync(h => h.By == "schema 0012"));
    }

    /// <summary>Moves every script numbered 0012 or above aside, so the database is migrated as before R-CE-08.</summary>
    private static List<(string From, string To)> HoldBack(ScriptFolder scripts, DatabaseProvider provider)
    {
        var folder = Path.GetDirectoryName(scripts.File(provider, "x.sql"))!;
        var aside = Directory.CreateDirectory(Path.Combine(scripts.Path, "aside")).FullName;
        var held = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(folder, "*.sql"))
        {
            if (int.Parse(Path.GetFileName(file)[..4], CultureInfo.InvariantCulture) >= Script)
            {
                var to = Path.Combine(aside, Path.GetFileName(file));
                File.Move(file, to);
                held.Add((to, file));
            }
        }

        Assert.Contains(held, h => Path.GetFileName(h.Item2) == "0012_one_open_application.sql");
        return held;
    }

    private static void Restore(List<(string From, string To)> held)
    {
        foreach (var (from, to) in held)
        {
            File.Move(from, to);
        }
    }

    /// <summary>Rows written as the code before R-CE-08 wrote them, in plain SQL (only columns that existed then).</summary>
    private static async Task ArrangeDuplicatesAsync(TestDatabase database, bool duplicates = true)
    {
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        string G(Guid id) => "'" + id.ToString().ToUpperInvariant() + "'";
        string T(int hour) => sqlite ? $"'2026-11-20 {hour:00}:00:00'" : $"'2026-11-20 {hour:00}:00:00+00'";
        var no = sqlite ? "0" : "false";
        var sql = new List<string>
        {
            "INSERT INTO offices (code, name, municipality_code, municipality_name, prefecture_name) VALUES ('o12', '上市町役場', '163228', '上市町', '富山県')",
        };
        foreach (var (code, name) in new[] { ("16322800001", "上市"), ("16322800002", "剱") })
        {
            sql.Add($"""
                INSERT INTO residents (resident_code, municipality_code, register_status, family_name, given_name, family_name_kana, given_name_kana,
                    search_key, birth_date, sex, address, ward, is_adult_ward, updated_at, version)
                VALUES ('{code}', '163228', 'Registered', '{name}', '太郎', 'カミイチ', 'タロウ', '{code}', '1980-04-02', 'Male', '上市町', NULL, {no}, {T(0)}, 1)
                """);
        }

        void Application(Guid id, string resident, string procedure, int hour, params string[] states)
        {
            sql.Add($"""
                INSERT INTO applications (id, office_id, counter_id, resident_id, procedure, applicant, state, received_at, received_by, issued_serial, refused_for, outstanding, version)
                VALUES ({G(id)}, (SELECT id FROM offices WHERE code = 'o12'), NULL, (SELECT id FROM residents WHERE resident_code = '{resident}'),
                    '{procedure}', 'InPerson', '{states[^1]}', {T(hour)}, 'clerk', NULL, NULL, NULL, 1)
                """);
            var from = "Received";
            for (var i = 0; i < states.Length; i++)
            {
                sql.Add($"""
                    INSERT INTO application_state_changes (application_id, sequence, from_state, to_state, at, by, note)
                    VALUES ({G(id)}, {i + 1}, '{from}', '{states[i]}', {T(hour)}, 'clerk', {(i == 0 ? "'received'" : "NULL")})
                    """);
                from = states[i];
            }
        }

        void Receipt(Guid application, int sequence, int hour)
        {
            var number = $"o12-2026-{sequence:000000}";
            sql.Add($"""
                INSERT INTO receipts (office_id, fiscal_year, sequence, number, application_id, counter_id, clerk, paid_at, ledger_day, total)
                VALUES ((SELECT id FROM offices WHERE code = 'o12'), 2026, {sequence}, '{number}', {G(application)}, NULL, 'clerk', {T(hour)}, '2026-11-20', 500)
                """);
            sql.Add($"INSERT INTO receipt_lines (receipt_id, item, amount) VALUES ((SELECT id FROM receipts WHERE number = '{number}'), 'CertificateIssuance', 500)");
        }

        Application(PaidFirst, "16322800001", "NewIssuance", 3, "Received", "IdentityVerified", "FeePaid");
        Receipt(PaidFirst, 1, 3);
        Application(Completed, "16322800001", "NewIssuance", 1, "Received", "IdentityVerified", "Completed");
        Application(Renewal, "16322800001", "Renewal", 2, "Received");
        Application(OtherEarly, "16322800002", "NewIssuance", 1, "Received");
        if (duplicates)
        {
            Application(Received, "16322800001", "NewIssuance", 1, "Received");
            Application(LetterOut, "16322800001", "NewIssuance", 2, "Received", "InquiryLetterMailed");
            sql.Add($"""
                INSERT INTO inquiry_letters (reference, application_id, resident_id, addressee_name, address, prepared_on, mailed_on, valid_days, status, superseded_by_id)
                VALUES ('123456789012', {G(LetterOut)}, (SELECT id FROM residents WHERE resident_code = '16322800001'), '上市 太郎', '上市町', '2026-11-20', '2026-11-20', 30, 'Mailed', NULL)
                """);
            Application(PaidSecond, "16322800001", "NewIssuance", 4, "Received", "IdentityVerified", "FeePaid");
            Receipt(PaidSecond, 2, 4);
            Application(OtherLate, "16322800002", "NewIssuance", 2, "Received");
        }

        foreach (var statement in sql)
        {
            await Sql.ExecuteAsync(database, statement);
        }
    }
}
