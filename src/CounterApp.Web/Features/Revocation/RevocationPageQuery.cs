using CounterApp.Domain.Documents;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Features.RulesDemo;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Revocation;

/// <summary>An active certificate the resident may ask to revoke.</summary>
public sealed record RevocableCertificate(string Serial, string? CardNumber, DateOnly IssuedOn, DateOnly ExpiresOn);

/// <summary>What the revocation page shows: the resident, their active certificates and the accepted identity documents.</summary>
public sealed record RevocationPageView(long ResidentId, string ResidentCode, string FullName, IReadOnlyList<RevocableCertificate> Certificates, IReadOnlyList<IdentityDocumentType> DocumentTypes);

/// <summary>Reads the revocation page's data (no tracking).</summary>
public sealed class RevocationPageQuery(CounterDbContext db, CertificateStatuses statuses, TimeProvider time)
{
    /// <summary>The page's view, or null when there is no resident with this id.</summary>
    public async Task<RevocationPageView?> LoadAsync(long residentId, CancellationToken cancellationToken = default)
    {
        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == residentId, cancellationToken);
        if (resident is null)
        {
            return null;
        }

        var today = TokyoClock.Today(time);
        var certificates = await (
            from rc in statuses.Certificates.AsNoTracking().Where(CertificateStatuses.IsValid)
            let c = rc.Certificate
            join card in db.ResidentCards.AsNoTracking() on c.CardId equals card.Id into cards
            from card in cards.DefaultIfEmpty()
            where c.ResidentId == residentId
            select new RevocableCertificate(c.Serial, card == null ? null : card.CardNumber, c.IssuedOn, c.ExpiresOn)).ToListAsync(cancellationToken);
        var reference = await CounterReference.LoadAsync(db, cancellationToken);
        return new RevocationPageView(
            resident.Id,
            resident.ResidentCode,
            resident.ToDomain().FullName,
            certificates.Where(c => c.ExpiresOn >= today).OrderByDescending(c => c.ExpiresOn).ToList(),
            reference?.Documents.Types.Where(t => t.Accepted).ToList() ?? []);
    }
}
