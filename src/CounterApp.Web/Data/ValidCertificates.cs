using CounterApp.Domain.Certificates;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data;

/// <summary>
/// R-CE-08: the one place that answers "does this resident hold a valid signing certificate today?" (not revoked,
/// inside its validity). Start, eligibility and the resident page all ask here, so pointing the answer at another
/// register changes this method only.
/// </summary>
public static class ValidCertificates
{
    /// <summary>The resident's valid certificate on <paramref name="today"/> (the one expiring last), or null when none is.</summary>
    public static async Task<Certificate?> OfResidentAsync(CounterDbContext db, long residentId, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from c in db.Certificates.AsNoTracking()
            join card in db.ResidentCards.AsNoTracking() on c.CardId equals card.Id
            where c.ResidentId == residentId && c.Status == CertificateStatus.Active && c.ExpiresOn >= today && c.IssuedOn <= today
            select new { c.Serial, card.CardNumber, c.IssuedOn, c.ExpiresOn, c.Status, c.IsLocked })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new Certificate(r.Serial, r.CardNumber, r.IssuedOn, r.ExpiresOn, r.Status, r.IsLocked))
            .Where(c => c.IsValidOn(today))
            .OrderByDescending(c => c.ExpiresOn)
            .FirstOrDefault();
    }
}
