using CounterApp.Domain.Fees;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Receipts;

/// <summary>One receipt of an office day as the supervisor's list shows it; <see cref="PaidAt"/> in Tokyo time.</summary>
public sealed record ReceiptDayRow(
    long Id,
    string Number,
    DateTime PaidAt,
    string Clerk,
    string? CounterName,
    long? ResidentId,
    string? ResidentName,
    int Total,
    PaymentVoidKind? VoidKind,
    string? VoidReason);

/// <summary>
/// The receipts of one office's ledger day (the Tokyo date of payment, R-FE-04), in number order, in one query: the
/// clerk's display name, counter, resident and void are joined in SQL, never looked up per row.
/// </summary>
public sealed class ReceiptDayHandler(CounterDbContext db)
{
    public async Task<IReadOnlyList<ReceiptDayRow>> ListAsync(int officeId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var payers =
            from a in db.Applications
            join p in db.Residents on a.ResidentId equals p.Id
            select new { ApplicationId = (Guid?)a.Id, ResidentId = (long?)p.Id, p.FamilyName, p.GivenName };
        var rows = await (
            from r in db.Receipts.AsNoTracking()
            where r.OfficeId == officeId && r.LedgerDay == day
            join a in payers on r.ApplicationId equals a.ApplicationId into applications
            from p in applications.DefaultIfEmpty()
            join c in db.Counters on r.CounterId equals c.Id into counters
            from c in counters.DefaultIfEmpty()
            join u in db.Users on r.Clerk equals u.UserName into users
            from u in users.DefaultIfEmpty()
            join v in db.ReceiptVoids on r.Id equals v.ReceiptId into voids
            from v in voids.DefaultIfEmpty()
            orderby r.Sequence
            select new
            {
                r.Id,
                r.Number,
                r.PaidAt,
                Clerk = u == null ? r.Clerk : u.DisplayName,
                Counter = c == null ? null : c.Name,
                ResidentId = p == null ? null : p.ResidentId,
                FamilyName = p == null ? null : p.FamilyName,
                GivenName = p == null ? null : p.GivenName,
                r.Total,
                VoidKind = v == null ? (PaymentVoidKind?)null : v.Kind,
                VoidReason = v == null ? null : v.Reason,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReceiptDayRow(
            r.Id,
            r.Number,
            TokyoClock.ToTokyo(new DateTimeOffset(DateTime.SpecifyKind(r.PaidAt, DateTimeKind.Utc))),
            r.Clerk,
            r.Counter,
            r.ResidentId,
            r.ResidentId is null ? null : r.FamilyName + " " + r.GivenName,
            r.Total,
            r.VoidKind,
            r.VoidReason))];
    }
}
