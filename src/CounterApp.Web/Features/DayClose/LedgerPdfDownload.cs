using System.Globalization;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.DayClose;

/// <summary>The printed ledger, or why it cannot be printed (the stored original no longer matches its hash).</summary>
public sealed record LedgerPdfResult(LedgerPrint? Print, string? Problem);

/// <summary>
/// Prints the daily fee ledger (R-FE-04) through <see cref="LedgerPrintHandler"/>: a closed day's stored original, or
/// an open day's 未締め preview; every print is audited (R-X-01), and a stored PDF altered outside the application is
/// refused and audited as such instead of failing the request.
/// </summary>
public sealed class LedgerPdfDownload(LedgerPrintHandler print, AuditTrail audit)
{
    public const string AuditAction = "ledger.printed";

    public const string MonthAuditAction = "ledger.month-printed";

    /// <summary>手数料月計表 of the month holding <paramref name="day"/>, audited.</summary>
    public async Task<ReadOnlyMemory<byte>> PrintMonthAsync(int officeId, DateOnly day, string actor, string? counter, CancellationToken cancellationToken = default)
    {
        var printed = await print.MonthAsync(officeId, day.Year, day.Month, cancellationToken);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = actor,
                Counter = counter,
                Action = MonthAuditAction,
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?>
                {
                    ["office"] = officeId.ToString(CultureInfo.InvariantCulture),
                    ["month"] = day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    ["sha256"] = printed.Sha256,
                },
            },
            cancellationToken);
        return printed.Pdf;
    }

    public async Task<LedgerPdfResult> PrintAsync(int officeId, DateOnly day, string actor, string? counter, CancellationToken cancellationToken = default)
    {
        var details = new Dictionary<string, string?>
        {
            ["office"] = officeId.ToString(CultureInfo.InvariantCulture),
            ["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        LedgerPrint printed;
        try
        {
            printed = await print.DayAsync(officeId, day, null, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            details["problem"] = e.Message;
            await audit.AppendAsync(new AuditEvent { Actor = actor, Counter = counter, Action = AuditAction, Outcome = AuditOutcomes.Refused, Details = details }, cancellationToken);
            return new LedgerPdfResult(null, DayCloseText.Get("PdfAltered", UiFormat.Date(day)));
        }

        details["sha256"] = printed.Sha256;
        details["closedOriginal"] = printed.IsClosedOriginal ? "true" : "false";
        await audit.AppendAsync(new AuditEvent { Actor = actor, Counter = counter, Action = AuditAction, Outcome = AuditOutcomes.Succeeded, Details = details }, cancellationToken);
        return new LedgerPdfResult(printed, null);
    }
}
