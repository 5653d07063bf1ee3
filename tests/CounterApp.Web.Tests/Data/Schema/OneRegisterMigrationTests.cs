using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Pki;
using CounterApp.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// Schema 0013 (one certificate register) on a database that already holds certificates: what only the counter knew
/// moves into the CA register, the CA's own revocations stand, and the counter's copies are gone.
/// </summary>
public sealed class OneRegisterMigrationTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-RV-03")]
    public async Task Migrate0013_WhenCertificatesExist_MovesCounterOnlyStatusIntoTheCaRegisterAndDropsTheCopies(DatabaseProvider provider)
    {
        using var scripts = ScriptFolder.CopyOfRepoScripts();
        var script = File.ReadAllText(scripts.File(provider, "0013_one_register.sql"));
        scripts.Delete(provider, "0013_one_register.sql");
        var later = File.ReadAllText(scripts.File(provider, "0014_issuance_intent.sql"));
        scripts.Delete(provider, "0014_issuance_intent.sql");
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        database.Options.ScriptsDirectory = scripts.Path;
        await database.Migrator().MigrateAsync();
        var sqlite = provider == DatabaseProvider.Sqlite;
        string Bytes(string hex) => sqlite ? $"X'{hex}'" : $"'\\x{hex}'::bytea";
        await Sql.ExecuteAsync(database, $"""
            INSERT INTO ca_certificates (authority_id, serial, kind, der, not_before, not_after) VALUES ('toyama', '01', 'Authority', {Bytes("01")}, '2026-01-01 00:00:00', '2046-01-01 00:00:00');
            INSERT INTO ca_certificates (authority_id, serial, kind, der, not_before, not_after) VALUES ('toyama', '0A01', 'Subscriber', {Bytes("0A")}, '2026-01-01 00:00:00', '2029-01-01 00:00:00');
            INSERT INTO ca_certificates (authority_id, serial, kind, der, not_before, not_after, revoked_at, revocation_reason) VALUES ('toyama', '0D04', 'Subscriber', {Bytes("0D")}, '2026-01-01 00:00:00', '2029-01-01 00:00:00', '2026-06-01 03:00:00', 'Superseded');
            INSERT INTO residents (resident_code, municipality_code, register_status, family_name, given_name, family_name_kana, given_name_kana, search_key, birth_date, sex, address, is_adult_ward, updated_at, version)
                VALUES ('16322899999', '163228', 'Registered', '上市', '太郎', 'カミイチ', 'タロウ', 'カミイチタロウ', '1980-04-02', 'Male', '富山県', FALSE, '2026-01-01 00:00:00', 0);
            INSERT INTO resident_cards (card_number, resident_id, issuing_municipality_code, has_photo, expiry_date, status, version)
                VALUES ('K9999', (SELECT id FROM residents WHERE resident_code = '16322899999'), '163228', TRUE, '2031-01-01', 'Active', 0);
            INSERT INTO certificates (serial, resident_id, card_id, issued_on, expires_on, status, is_locked, revoked_at, revocation_reason, der)
                SELECT v.serial, r.id, c.id, v.issued_on, v.expires_on, v.status, FALSE, v.revoked_at, v.reason, NULL
                FROM residents r JOIN resident_cards c ON c.resident_id = r.id,
                (SELECT '0A01' AS serial, '2026-01-01' AS issued_on, '2028-12-31' AS expires_on, 'Revoked' AS status, '2026-11-20 00:00:00' AS revoked_at, 'KeyCompromise' AS reason
                 UNION ALL SELECT '0B02', '2025-04-01', '2028-03-31', 'Active', NULL, NULL
                 UNION ALL SELECT '0C03', '2024-04-01', '2027-03-31', 'Revoked', '2026-10-01 00:00:00', NULL
                 UNION ALL SELECT '0D04', '2026-01-01', '2028-12-31', 'Active', NULL, NULL) v
                WHERE r.resident_code = '16322899999';
            UPDATE certificates SET der = {Bytes("0B02")} WHERE serial = '0B02';
            """.Replace("v.issued_on, v.expires_on", sqlite ? "v.issued_on, v.expires_on" : "CAST(v.issued_on AS date), CAST(v.expires_on AS date)", StringComparison.Ordinal)
              .Replace("v.revoked_at, v.reason", sqlite ? "v.revoked_at, v.reason" : "CAST(v.revoked_at AS timestamptz), v.reason", StringComparison.Ordinal));

        scripts.Write(provider, "0013_one_register.sql", script);
        scripts.Write(provider, "0014_issuance_intent.sql", later);
        var applied = await database.Migrator().MigrateAsync();

        Assert.Equal(["0013_one_register.sql", "0014_issuance_intent.sql"], applied.Select(s => s.FileName));
        var store = new EfCertificateStore(new PkiDbContexts(Options.Create(database.Options)), "toyama");
        Status(store, "0A01", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), RevocationReason.KeyCompromise); // the counter's revocation reaches OCSP
        Status(store, "0B02", null, null);                                                                           // a legacy record: good, with its DER
        Status(store, "0C03", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), RevocationReason.Unspecified);  // revoked without a reason
        Status(store, "0D04", new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero), RevocationReason.Superseded);   // the CA's revocation stands
        Assert.Equal([0x0B, 0x02], store.Find(CertificateSerial.Parse("0B02"))!.Der.ToArray());
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 15, 0, 0, TimeSpan.Zero), store.Find(CertificateSerial.Parse("0B02"))!.NotBefore); // 00:00 JST
        Assert.Equal(4 + 1, await Sql.CountAsync(database, "SELECT count(*) FROM ca_certificates"));

        await using var db = database.NewContext();
        Assert.Equal(CertificateStatus.Revoked, (await TestRegister.RowAsync(db, "0A01")).Status);
        Assert.Equal(CertificateStatus.Active, (await TestRegister.RowAsync(db, "0B02")).Status);
        Assert.Equal(CertificateStatus.Revoked, (await TestRegister.RowAsync(db, "0D04")).Status);
        Assert.Equal(0, await Sql.CountAsync(database, sqlite
            ? "SELECT count(*) FROM pragma_table_info('certificates') WHERE name IN ('status', 'revoked_at', 'revocation_reason', 'der')"
            : "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'certificates' AND column_name IN ('status', 'revoked_at', 'revocation_reason', 'der')"));
    }

    private static void Status(EfCertificateStore store, string serial, DateTimeOffset? revokedAt, RevocationReason? reason)
    {
        var status = store.FindStatus(CertificateSerial.Parse(serial));
        Assert.NotNull(status);
        Assert.Equal((revokedAt, reason), (status.Revocation?.RevokedAt, status.Revocation?.Reason));
    }
}
