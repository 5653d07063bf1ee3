using CounterApp.Domain.Residents;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>Reads the issuance steps share.</summary>
internal static class IssuanceQueries
{
    /// <summary>The resident's newest active card (the one the certificate goes on), or their newest card of any status.</summary>
    public static async Task<ResidentCardRecord?> CurrentCardAsync(CounterDbContext db, long residentId, CancellationToken cancellationToken)
    {
        var cards = await db.ResidentCards.AsNoTracking().Where(c => c.ResidentId == residentId).ToListAsync(cancellationToken);
        return cards.OrderByDescending(c => c.Status == CardStatus.Active).ThenByDescending(c => c.ExpiryDate).FirstOrDefault();
    }

    /// <summary>The card's active certificate (the newest), other than <paramref name="exceptSerial"/>.</summary>
    public static async Task<CertificateRecord?> ActiveCertificateAsync(CertificateStatuses statuses, long cardId, string? exceptSerial, CancellationToken cancellationToken)
    {
        var certificates = await statuses.Certificates.AsNoTracking()
            .Where(CertificateStatuses.IsValid)
            .Where(c => c.Certificate.CardId == cardId)
            .Select(c => c.Certificate)
            .ToListAsync(cancellationToken);
        return certificates.Where(c => c.Serial != exceptSerial).OrderByDescending(c => c.ExpiresOn).FirstOrDefault();
    }
}
