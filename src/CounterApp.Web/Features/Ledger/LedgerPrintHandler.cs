using System.Security.Cryptography;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Documents;
using CounterApp.Web.Documents.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Ledger;

/// <summary>A printed ledger: the PDF, its SHA-256, and whether it is the closed day's stored original.</summary>
public sealed record LedgerPrint(ReadOnlyMemory<byte> Pdf, string Sha256, bool IsClosedOriginal);

/// <summary>
/// Prints ledgers. A closed day reprints its stored PDF byte for byte, after checking it still matches the SHA-256
/// recorded at closing (and in the audit log); an open day prints a preview marked 未締め with the given cash count.
/// </summary>
public sealed class LedgerPrintHandler(CounterDbContext db, LedgerReader reader, DocumentRenderer renderer, TimeProvider time)
{
    public async Task<LedgerPrint> DayAsync(int officeId, DateOnly day, int? cashCounted = null, CancellationToken cancellationToken = default)
    {
        var row = await db.LedgerDays.AsNoTracking().SingleOrDefaultAsync(d => d.OfficeId == officeId && d.Day == day, cancellationToken);
        if (row is { Status: LedgerDayStatus.Closed, LedgerPdf: { } stored })
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(stored));
            return string.Equals(hash, row.LedgerPdfSha256, StringComparison.Ordinal)
                ? new LedgerPrint(stored, hash, IsClosedOriginal: true)
                : throw new InvalidOperationException(
                    $"The stored ledger PDF of office {officeId}, {day:yyyy-MM-dd} does not match the SHA-256 recorded when the day was closed ({row.LedgerPdfSha256}); it was altered outside the application.");
        }

        var ledger = await reader.DayAsync(officeId, day, cashCounted, null, cancellationToken);
        var pdf = renderer.Render(new DailyLedgerDocument(ledger, time.GetUtcNow()));
        return new LedgerPrint(pdf.Pdf, pdf.Sha256, IsClosedOriginal: false);
    }

    /// <summary>手数料月計表 for one office and month.</summary>
    public async Task<RenderedDocument> MonthAsync(int officeId, int year, int month, CancellationToken cancellationToken = default)
    {
        var summary = await reader.MonthAsync(officeId, year, month, cancellationToken);
        return renderer.Render(new MonthlyLedgerDocument(summary, time.GetUtcNow()));
    }
}
