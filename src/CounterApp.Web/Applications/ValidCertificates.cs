using CounterApp.Domain.Certificates;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Applications;

/// <summary>
/// R-CE-08: the one place that answers "does this resident hold a valid signing certificate today?" (not revoked,
/// inside its validity), with the status from the one register (<see cref="CertificateStatuses"/>, the CA's).
/// </summary>
public static class ValidCertificates
{
    /// <summary>The resident's valid certificate on <paramref name="today"/> (the one expiring last), or null when none is.</summary>
    public static async Task<Certificate?> OfResidentAsync(CertificateStatuses statuses, CounterDbContext db, long residentId, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from r in statuses.Certificates.Where(CertificateStatuses.IsValid)
            join card in db.ResidentCards on r.Certificate.CardId equals card.Id
            where r.Certificate.ResidentId == residentId && r.Certificate.ExpiresOn >= today && r.Certificate.IssuedOn <= today
            select new { r.Certificate.Serial, card.CardNumber, r.Certificate.IssuedOn, r.Certificate.ExpiresOn, r.Certificate.IsLocked })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new Certificate(r.Serial, r.CardNumber, r.IssuedOn, r.ExpiresOn, CertificateStatus.Active, r.IsLocked))
            .Where(c => c.IsValidOn(today))
            .OrderByDescending(c => c.ExpiresOn)
            .FirstOrDefault();
    }
}
