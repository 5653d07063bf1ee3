using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CertificateAuthority;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Support;

/// <summary>
/// The one certificate register as tests read and seed it: status comes from the CA register (ca_certificates of the
/// default CA, toyama, as every test app runs), never from the counter's row.
/// </summary>
internal static class TestRegister
{
    public static CertificateStatuses Statuses(CounterDbContext db) => new(db, Options.Create(new PkiOptions()));

    public static Task<RegisteredCertificate> OfAsync(CounterDbContext db, long certificateId) =>
        Statuses(db).Certificates.AsNoTracking().SingleAsync(c => c.Certificate.Id == certificateId);

    public static Task<RegisteredCertificate> OfAsync(CounterDbContext db, string serial) =>
        Statuses(db).Certificates.AsNoTracking().SingleAsync(c => c.Certificate.Serial == serial);

    /// <summary>The counter's row of <paramref name="serial"/> with the CA register's status and DER, flat.</summary>
    public static async Task<RegisteredRow> RowAsync(CounterDbContext db, string serial) => await FlatAsync(db, await OfAsync(db, serial));

    public static async Task<RegisteredRow> RowAsync(CounterDbContext db, long certificateId) => await FlatAsync(db, await OfAsync(db, certificateId));

    /// <summary>
    /// Adds the CA register's legacy row for a seeded counter certificate (no DER), revoked when <paramref name="revokedAt"/>
    /// is given; the caller saves.
    /// </summary>
    public static CaCertificateRecord AddLegacy(CounterDbContext db, CertificateRecord certificate, DateTime? revokedAt = null, RevocationReason? reason = null)
    {
        var row = LegacyCertificates.Record(new PkiOptions().AuthorityId, certificate.Serial, certificate.IssuedOn, certificate.ExpiresOn);
        row.RevokedAt = revokedAt;
        row.RevocationReason = revokedAt is null ? null : reason ?? RevocationReason.Unspecified;
        db.CaCertificates.Add(row);
        return row;
    }

    private static async Task<RegisteredRow> FlatAsync(CounterDbContext db, RegisteredCertificate r)
    {
        var c = r.Certificate;
        return new RegisteredRow(c.Id, c.Serial, c.ResidentId, c.CardId, c.ApplicationId, c.IssuedOn, c.ExpiresOn, c.IsLocked, r.Status, r.RevokedAt, r.RevocationReason,
            await Statuses(db).DerAsync(c.Serial));
    }
}

/// <summary>A counter certificate row with the CA register's status (tests' view).</summary>
internal sealed record RegisteredRow(
    long Id, string Serial, long ResidentId, long CardId, Guid? ApplicationId, DateOnly IssuedOn, DateOnly ExpiresOn, bool IsLocked,
    CertificateStatus Status, DateTime? RevokedAt, RevocationReason? RevocationReason, byte[]? Der);
