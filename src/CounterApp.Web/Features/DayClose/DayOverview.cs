using System.Globalization;
using System.Text;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Documents.Ledger;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Features.Voids;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.DayClose;

/// <summary>
/// An office's fee day as the supervisor reviews it before closing (R-FE-04): the ledger's totals, whether the day is
/// closed and by whom, and the void/refund requests still waiting for a decision (R-FE-03) — the close does not wait
/// for them, so the page warns: a pending void approved after the close lands on a later day as an adjustment. With
/// the month of the day (手数料月計表) so far.
/// </summary>
public sealed record DayOverview(
    DailyLedger Ledger, bool IsClosed, string? ClosedBy, string? ClosedByName, DateTime? ClosedAtUtc, int? CashCounted, IReadOnlyList<PendingVoid> PendingVoids,
    MonthlyLedger Month);

public sealed class DayOverviewQuery(CounterDbContext db, LedgerReader reader)
{
    public async Task<DayOverview> LoadAsync(int officeId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var ledger = await reader.DayAsync(officeId, day, null, null, cancellationToken);
        var row = await db.LedgerDays.AsNoTracking()
            .Where(d => d.OfficeId == officeId && d.Day == day)
            .Select(d => new { d.Status, d.ClosedBy, d.ClosedAt, d.CashCounted })
            .SingleOrDefaultAsync(cancellationToken);
        var closed = row?.Status == LedgerDayStatus.Closed;
        string? name = null;
        if (closed && row!.ClosedBy is { } by)
        {
            name = (await StaffNames.DisplayNamesAsync(db, [by], cancellationToken))(by);
        }

        var pending = await VoidQueries.PendingAsync(db, officeId, cancellationToken);
        var month = await reader.MonthAsync(officeId, day.Year, day.Month, cancellationToken);
        return new DayOverview(
            ledger,
            closed,
            closed ? row!.ClosedBy : null,
            name,
            closed && row!.ClosedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            closed ? row!.CashCounted : null,
            pending,
            month);
    }
}

/// <summary>The cash count as typed (R-X-03): full-width digits and thousands separators and 円 accepted.</summary>
public static class CashCountInput
{
    public static bool TryParse(string? text, out int cash, out string? error)
    {
        var cleaned = (text ?? string.Empty).Normalize(NormalizationForm.FormKC).Replace(",", string.Empty, StringComparison.Ordinal).Replace("円", string.Empty, StringComparison.Ordinal).Trim();
        if (cleaned.Length == 0)
        {
            cash = 0;
            error = DayCloseText.Get("ErrorCashEmpty");
            return false;
        }

        if (cleaned.Length > 9 || !cleaned.All(char.IsAsciiDigit) || !int.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out cash))
        {
            cash = 0;
            error = DayCloseText.Get("ErrorCashNumber");
            return false;
        }

        error = null;
        return true;
    }
}
