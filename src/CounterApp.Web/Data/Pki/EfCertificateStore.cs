using System.Numerics;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data.Pki;

/// <summary>
/// CounterApp.Pki's <see cref="ICertificateStore"/> on the counter database (tables ca_certificates, ca_crl_numbers),
/// for one CA. Synchronous like the interface: each call rents a pooled context (<see cref="PkiDbContexts"/>), runs
/// one statement and returns it. Behaves as <see cref="InMemoryCertificateStore"/> does (the tests run both):
/// the unique index on (authority, serial) decides <see cref="TryAdd"/>; <see cref="Revoke"/> is one conditional
/// UPDATE, so the first revocation stands under any concurrency; CRL numbers come from one atomic upsert.
/// <para>
/// <see cref="Enlist"/> lets a caller run the CA inside its own transaction: while the returned scope lives, on this
/// async flow, the store uses the caller's context, so a revocation commits or rolls back with the caller's changes
/// (and SQLite's single writer is not asked for a second, blocked connection).
/// </para>
/// </summary>
public sealed class EfCertificateStore : ICertificateStore
{
    private const string AddSavepoint = "ca_certificate_add";

    private readonly IDbContextFactory<CounterDbContext> _contexts;
    private readonly AsyncLocal<CounterDbContext?> _enlisted = new();

    // Compiled per store instance, not in a static: a compiled query is bound to the model it first ran on, and one
    // process may hold stores on different providers (SQLite and PostgreSQL apps in the same test run).
    private readonly Func<CounterDbContext, string, string, StatusRow?> _findStatus = EF.CompileQuery(
        (CounterDbContext db, string authorityId, string serial) => db.CaCertificates.AsNoTracking()
            .Where(c => c.AuthorityId == authorityId && c.Serial == serial)
            .Select(c => new StatusRow(c.RevokedAt, c.RevocationReason))
            .FirstOrDefault());

    public EfCertificateStore(IDbContextFactory<CounterDbContext> contexts, string authorityId)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorityId);
        _contexts = contexts;
        AuthorityId = authorityId;
    }

    /// <summary>The CA whose certificates this store holds.</summary>
    public string AuthorityId { get; }

    /// <summary>Until disposed, calls on this async flow use <paramref name="db"/> (and its open transaction).</summary>
    public IDisposable Enlist(CounterDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var previous = _enlisted.Value;
        _enlisted.Value = db;
        return new Restore(this, previous);
    }

    public bool TryAdd(StoredCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var lease = Rent();
        var db = lease.Db;

        // Plain SQL, not the change tracker: an enlisted caller's pending changes stay theirs to save. Inside a
        // caller's transaction a savepoint keeps a refused serial from aborting it (PostgreSQL).
        var transaction = db.Database.CurrentTransaction;
        transaction?.CreateSavepoint(AddSavepoint);
        try
        {
            db.Database.ExecuteSql(
                $"""
                INSERT INTO ca_certificates (authority_id, serial, kind, der, not_before, not_after, request_id)
                VALUES ({AuthorityId}, {certificate.Serial.Hex}, {certificate.Kind.ToString()}, {certificate.Der.ToArray()}, {certificate.NotBefore.UtcDateTime}, {certificate.NotAfter.UtcDateTime}, {certificate.RequestId})
                """);
            transaction?.ReleaseSavepoint(AddSavepoint);
        }
        catch (System.Data.Common.DbException e) when (StoreErrors.IsUniqueViolation(e))
        {
            transaction?.RollbackToSavepoint(AddSavepoint);
            return false;
        }

        // A new certificate is stored unrevoked; a revocation in the DTO is applied as the InMemory store keeps it.
        if (certificate.Revocation is { } revocation)
        {
            Revoke(certificate.Serial, revocation);
        }

        return true;
    }

    public StoredCertificate? Find(CertificateSerial serial)
    {
        using var lease = Rent();
        var hex = serial.Hex;
        var record = lease.Db.CaCertificates.AsNoTracking().FirstOrDefault(c => c.AuthorityId == AuthorityId && c.Serial == hex);
        return record is null ? null : ToStored(record);
    }

    /// <summary>The OCSP lookup: one compiled query reading the revocation columns only, not the DER.</summary>
    public StoredStatus? FindStatus(CertificateSerial serial)
    {
        using var lease = Rent();
        var row = _findStatus(lease.Db, AuthorityId, serial.Hex);
        return row switch
        {
            null => null,
            { RevokedAt: { } at } => new StoredStatus(new CertificateRevocation(Instant(at), row.Reason ?? RevocationReason.Unspecified)),
            _ => StoredStatus.Unrevoked,
        };
    }

    public StoredCertificate? FindByRequest(Guid requestId)
    {
        using var lease = Rent();
        Guid? request = requestId;
        var record = lease.Db.CaCertificates.AsNoTracking().FirstOrDefault(c => c.AuthorityId == AuthorityId && c.RequestId == request);
        return record is null ? null : ToStored(record);
    }

    public StoredCertificate? FindLatest(CertificateKind kind)
    {
        using var lease = Rent();
        var record = lease.Db.CaCertificates.AsNoTracking()
            .Where(c => c.AuthorityId == AuthorityId && c.Kind == kind)
            .OrderByDescending(c => c.NotBefore)
            .ThenByDescending(c => c.Id)
            .FirstOrDefault();
        return record is null ? null : ToStored(record);
    }

    public RevokeOutcome Revoke(CertificateSerial serial, CertificateRevocation revocation)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        using var lease = Rent();
        var at = revocation.RevokedAt.UtcDateTime;
        RevocationReason? reason = revocation.Reason;
        var hex = serial.Hex;
        var changed = lease.Db.CaCertificates
            .Where(c => c.AuthorityId == AuthorityId && c.Serial == hex && c.RevokedAt == null)
            .ExecuteUpdate(set => set.SetProperty(c => c.RevokedAt, at).SetProperty(c => c.RevocationReason, reason));
        if (changed == 1)
        {
            return RevokeOutcome.Revoked;
        }

        return lease.Db.CaCertificates.Any(c => c.AuthorityId == AuthorityId && c.Serial == hex) ? RevokeOutcome.AlreadyRevoked : RevokeOutcome.NotFound;
    }

    /// <summary>Streams the revoked certificates (one forward scan); the context is returned when the enumeration ends.</summary>
    public IEnumerable<RevokedEntry> ListRevoked()
    {
        using var lease = Rent();
        var rows = lease.Db.CaCertificates.AsNoTracking()
            .Where(c => c.AuthorityId == AuthorityId && c.RevokedAt != null)
            .Select(c => new { c.Serial, c.RevokedAt, c.RevocationReason })
            .AsEnumerable();
        foreach (var row in rows)
        {
            yield return new RevokedEntry(CertificateSerial.Parse(row.Serial), Instant(row.RevokedAt!.Value), row.RevocationReason ?? RevocationReason.Unspecified);
        }
    }

    /// <summary>How many certificates of this CA are revoked: it only grows, so a CRL listing fewer is stale.</summary>
    public int CountRevoked()
    {
        using var lease = Rent();
        return lease.Db.CaCertificates.Count(c => c.AuthorityId == AuthorityId && c.RevokedAt != null);
    }

    public BigInteger NextCrlNumber()
    {
        using var lease = Rent();

        // One statement, atomic on both engines: the first call inserts 1, every later one adds 1 under the row's lock.
        return lease.Db.Database.SqlQuery<long>(
            $"""
            INSERT INTO ca_crl_numbers (authority_id, last_number) VALUES ({AuthorityId}, 1)
            ON CONFLICT (authority_id) DO UPDATE SET last_number = ca_crl_numbers.last_number + 1
            RETURNING last_number AS "Value"
            """).AsEnumerable().Single();
    }

    private static StoredCertificate ToStored(CaCertificateRecord record) => new(
        CertificateSerial.Parse(record.Serial),
        record.Kind,
        record.Der,
        Instant(record.NotBefore),
        Instant(record.NotAfter),
        record.RevokedAt is { } at ? new CertificateRevocation(Instant(at), record.RevocationReason ?? RevocationReason.Unspecified) : null,
        record.RequestId);

    private static DateTimeOffset Instant(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private Lease Rent() => _enlisted.Value is { } db ? new Lease(db, Owned: false) : new Lease(_contexts.CreateDbContext(), Owned: true);

    private sealed record StatusRow(DateTime? RevokedAt, RevocationReason? Reason);

    private readonly record struct Lease(CounterDbContext Db, bool Owned) : IDisposable
    {
        public void Dispose()
        {
            if (Owned)
            {
                Db.Dispose();
            }
        }
    }

    private sealed class Restore(EfCertificateStore store, CounterDbContext? previous) : IDisposable
    {
        public void Dispose() => store._enlisted.Value = previous;
    }
}
