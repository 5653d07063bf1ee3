using CounterApp.Domain.Calendar;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Offices;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.RulesDemo;

/// <summary>The reference data a decision needs, read from the database: the office, its hours, 休日開庁日, fees, document types.</summary>
public sealed record CounterReference(Office Office, OfficeHours Hours, FeeSchedule Fees, IdentityDocumentCatalog Documents)
{
    /// <summary>The first office's reference: enough where only municipality-wide data is used (fees, document types).</summary>
    public static Task<CounterReference?> LoadAsync(CounterDbContext db, CancellationToken cancellationToken = default) =>
        LoadAsync(db, counterId: null, cancellationToken);

    /// <summary>
    /// The reference of the office <paramref name="counterId"/> belongs to: its ward (R-EL-05) and its counter hours
    /// (R-HR-01). Without a counter, or for an unknown one, the first office. Null when that office has no hours.
    /// </summary>
    public static async Task<CounterReference?> LoadAsync(CounterDbContext db, int? counterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var officeId = counterId is null
            ? null
            : await db.Counters.AsNoTracking().Where(c => c.Id == counterId).Select(c => (int?)c.OfficeId).FirstOrDefaultAsync(cancellationToken);
        var offices = db.Offices.AsNoTracking().Include(o => o.Sessions);
        var office = officeId is null
            ? await offices.OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken)
            : await offices.SingleOrDefaultAsync(o => o.Id == officeId, cancellationToken);
        if (office is null || office.Sessions.Count == 0)
        {
            return null;
        }

        var openingDays = await db.HolidayOpeningDays.AsNoTracking().Select(d => d.Day).ToListAsync(cancellationToken);
        var hours = new OfficeHours(office.Sessions.OrderBy(s => s.Start).Select(s => new CounterSession(s.Start, s.End)), holidayOpeningDays: openingDays);
        var fees = await db.Fees.AsNoTracking().ToDictionaryAsync(f => f.Item, f => f.Amount, cancellationToken);
        var schedule = new FeeSchedule(
            fees.GetValueOrDefault(FeeItem.CertificateIssuance, FeeSchedule.Default.Issuance),
            fees.GetValueOrDefault(FeeItem.CertificateRenewal, FeeSchedule.Default.Renewal),
            fees.GetValueOrDefault(FeeItem.ResidentCard, FeeSchedule.Default.ResidentCard));
        var types = await db.IdentityDocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var catalog = new IdentityDocumentCatalog(types.Select(t => new IdentityDocumentType(t.Code, t.NameJa, t.NameEn, t.IssuedOnOrAfter, t.Accepted, t.AddressCheck, IdentityDocumentCatalog.KindHasExpiry(t.Code))));
        return new CounterReference(
            new Office(office.Code, office.Name, office.MunicipalityCode, office.MunicipalityName, office.Ward),
            hours,
            schedule,
            catalog);
    }
}
