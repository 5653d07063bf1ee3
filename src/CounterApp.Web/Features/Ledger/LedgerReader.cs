using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Documents.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Ledger;

/// <summary>
/// Reads an office's fee day (R-FE-04) from the database into the ledger the supervisor reviews and prints: the
/// receipts of the day, the voids and refunds recorded on the day (adjustments of earlier receipts included), and the
/// cash count. Only rows of that day are read, so a closed day reads the same whatever later days recorded.
/// </summary>
public sealed class LedgerReader(CounterDbContext db)
{
    public async Task<DailyLedger> DayAsync(int officeId, DateOnly day, int? cashCounted = null, LedgerClosing? closing = null, CancellationToken cancellationToken = default)
    {
        var office = await OfficeAsync(officeId, cancellationToken);
        var receipts = await db.Receipts.AsNoTracking()
            .Where(r => r.OfficeId == officeId && r.LedgerDay == day)
            .Include(r => r.Lines)
            .Include(r => r.Void)
            .OrderBy(r => r.PaidAt).ThenBy(r => r.Sequence)
            .ToListAsync(cancellationToken);
        var voidRows = await db.ReceiptVoids.AsNoTracking()
            .Where(v => v.LedgerDay == day && db.Receipts.Any(r => r.Id == v.ReceiptId && r.OfficeId == officeId))
            .OrderBy(v => v.At).ThenBy(v => v.Id)
            .ToListAsync(cancellationToken);
        var voidedIds = voidRows.Select(v => v.ReceiptId).ToList();
        var voided = await db.Receipts.AsNoTracking().Include(r => r.Lines)
            .Where(r => voidedIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var voids = voidRows.Select(v => new { Void = v, Receipt = voided[v.ReceiptId] }).ToList();
        var counters = await db.Counters.AsNoTracking().Where(c => c.OfficeId == officeId)
            .ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var name = await StaffNames.DisplayNamesAsync(
            db,
            receipts.Select(r => r.Clerk).Concat(voids.SelectMany(v => new[] { v.Void.RequestedBy, v.Void.ApprovedBy })),
            cancellationToken);

        var ledgerReceipts = receipts.Select(r => new LedgerReceipt(
            Utc(r.PaidAt),
            r.CounterId is { } id && counters.TryGetValue(id, out var number) ? $"{number}番" : "－",
            name(r.Clerk),
            r.Number,
            Lines(r),
            r.Total,
            r.Void is { } v && v.LedgerDay == day ? v.Kind : null)).ToList();
        var ledgerVoids = voids.Select(x => new LedgerVoid(
            Utc(x.Void.At),
            x.Receipt.Number,
            x.Receipt.LedgerDay,
            x.Void.Kind,
            x.Void.Reason,
            name(x.Void.RequestedBy),
            name(x.Void.ApprovedBy),
            Lines(x.Receipt),
            x.Receipt.Total)).ToList();
        return new DailyLedger(office, day, ledgerReceipts, ledgerVoids, cashCounted, closing);
    }

    /// <summary>Per day of the month: receipts, what they collected per fee item, voids/refunds, and each day's close.</summary>
    public async Task<MonthlyLedger> MonthAsync(int officeId, int year, int month, CancellationToken cancellationToken = default)
    {
        var office = await OfficeAsync(officeId, cancellationToken);
        var first = new DateOnly(year, month, 1);
        // The month's last day, not the next month's first: 9999-12 has no next month.
        var last = first.AddDays(DateTime.DaysInMonth(year, month) - 1);
        var lines = await (
            from l in db.ReceiptLines.AsNoTracking()
            join r in db.Receipts.AsNoTracking() on l.ReceiptId equals r.Id
            where r.OfficeId == officeId && r.LedgerDay >= first && r.LedgerDay <= last
            select new { r.LedgerDay, l.Item, l.Amount, r.Id }).ToListAsync(cancellationToken);
        var voids = await (
            from v in db.ReceiptVoids.AsNoTracking()
            join r in db.Receipts.AsNoTracking() on v.ReceiptId equals r.Id
            where r.OfficeId == officeId && v.LedgerDay >= first && v.LedgerDay <= last
            select new { v.LedgerDay, r.Total }).ToListAsync(cancellationToken);
        var closed = await db.LedgerDays.AsNoTracking()
            .Where(d => d.OfficeId == officeId && d.Day >= first && d.Day <= last)
            .ToDictionaryAsync(d => d.Day, cancellationToken);

        var days = lines.Select(l => l.LedgerDay).Concat(voids.Select(v => v.LedgerDay)).Concat(closed.Keys).Distinct().Order()
            .Select(day =>
            {
                var ofDay = lines.Where(l => l.LedgerDay == day).ToList();
                var row = closed.GetValueOrDefault(day);
                var isClosed = row?.Status == LedgerDayStatus.Closed;
                return new MonthlyLedgerDay(
                    day,
                    ofDay.Select(l => l.Id).Distinct().Count(),
                    ofDay.GroupBy(l => l.Item).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount)),
                    voids.Where(v => v.LedgerDay == day).Sum(v => v.Total),
                    isClosed,
                    isClosed ? row!.CashCounted - row.ExpectedTotal : null);
            }).ToList();
        return new MonthlyLedger(office, year, month, days);
    }

    private async Task<LedgerOffice> OfficeAsync(int officeId, CancellationToken cancellationToken)
    {
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officeId, cancellationToken)
            ?? throw new InvalidOperationException($"Office {officeId} does not exist.");
        return new LedgerOffice(office.MunicipalityName, office.Name, office.Code);
    }

    private static List<FeeLine> Lines(Receipt receipt) =>
        receipt.Lines.OrderBy(l => l.Id).Select(l => new FeeLine(l.Item, l.Amount)).ToList();

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
