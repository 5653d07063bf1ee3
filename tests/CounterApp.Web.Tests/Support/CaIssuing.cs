using System.Security.Cryptography;
using CounterApp.Domain.Residents;
using CounterApp.Pki.Issuance;
using CounterApp.Pki.Profile;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CertificateAuthority;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Support;

/// <summary>Issues a real certificate from the wired CA to one demo resident's card and records it on the counter's side.</summary>
internal static class CaIssuing
{
    public const string ResidentCode = "16322800001"; // 上市 太郎, photo card K0001

    public static async Task<(IssuedCertificate Issued, long CertificateId)> IssueAsync(IServiceProvider services, RSA cardKey, string residentCode = ResidentCode)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var ca = scope.ServiceProvider.GetRequiredService<PrefecturalCa>();
        var resident = await db.Residents.Include(r => r.Cards).SingleAsync(r => r.ResidentCode == residentCode);
        var card = resident.Cards.First(c => c.Status == CardStatus.Active);
        return await CertifyAsync(db, ca, resident, card, cardKey);
    }

    /// <summary>Certifies <paramref name="cardKey"/> for the resident's card with the wired CA and records the certificate as that card's.</summary>
    public static async Task<(IssuedCertificate Issued, long CertificateId)> CertifyAsync(
        CounterDbContext db, PrefecturalCa ca, ResidentRecord resident, ResidentCardRecord card, RSA cardKey)
    {
        var municipality = await db.Offices.OrderBy(o => o.Id).Select(o => o.MunicipalityName).FirstAsync();
        var issued = ca.Authority.Issue(
            CertificateSubject.From(resident.ToDomain(), municipality),
            SubscriberKey.FromSubjectPublicKeyInfo(cardKey.ExportSubjectPublicKeyInfo()),
            card.ToDomain(resident.ResidentCode));
        var record = new CertificateRecord
        {
            Serial = issued.Serial.Hex,
            ResidentId = resident.Id,
            CardId = card.Id,
            IssuedOn = issued.Validity.IssuedOn,
            ExpiresOn = issued.Validity.ExpiresOn,
        };
        db.Certificates.Add(record);
        await db.SaveChangesAsync();
        return (issued, record.Id);
    }
}
