using System.Globalization;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Time;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data.Receipts;

/// <summary>
/// R-FE-02: one receipt number per payment, sequential per office and fiscal year (April–March, by the Tokyo date),
/// never reused or skipped. The number is taken from receipt_sequences by one atomic upsert (insert the year's row
/// at 1, or add 1 to it, returning the new value) inside the payment's transaction: the row stays locked until that
/// transaction ends, so concurrent payments queue for it, and a payment that rolls back gives its number back.
/// The receipt, its lines and its audit entry are written in the same transaction.
/// </summary>
public sealed class ReceiptBook(CounterDbContext db, TimeProvider time, TimeProvider? auditTime = null)
{
    // On the same context, so the audit entry and its lock are in the payment's transaction. The receipt is dated by
    // the counter's clock; its audit entry by the audit log's (the real time, even under the demo clock).
    private readonly AuditTrail _audit = new(db, auditTime ?? time);

    public const string AuditAction = "fee.receipt-issued";

    /// <summary>Numbers, writes and audits the receipt in the caller's transaction (or its own); returns it, saved.</summary>
    public async Task<Receipt> IssueAsync(ReceiptRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Clerk, nameof(request));
        if (request.Lines.Count == 0 || request.Lines.Any(l => l.Amount <= 0))
        {
            throw new ArgumentException("A receipt needs at least one fee line, each with a positive amount.", nameof(request));
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Audit lock first, then the sequence row: one lock order for every transaction, so no deadlock.
            await _audit.LockChainAsync(cancellationToken);
            var officeCode = await db.Offices.Where(o => o.Id == request.OfficeId).Select(o => o.Code).SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Office {request.OfficeId} does not exist.");
            var paidAt = time.GetUtcNow();
            var day = DateOnly.FromDateTime(TokyoClock.ToTokyo(paidAt));
            var fiscalYear = FiscalYear.Of(day);
            var sequence = await NextAsync(request.OfficeId, fiscalYear, cancellationToken);
            var number = new ReceiptNumber(officeCode, fiscalYear, sequence);

            var receipt = new Receipt
            {
                OfficeId = request.OfficeId,
                FiscalYear = fiscalYear,
                Sequence = sequence,
                Number = number.ToString(),
                ApplicationId = request.ApplicationId,
                CounterId = request.CounterId,
                Clerk = request.Clerk,
                PaidAt = AuditChain.Stored(paidAt),
                LedgerDay = day,
                Total = FeeRules.Total(request.Lines),
                Lines = [.. request.Lines.Select(l => new ReceiptLine { Item = l.Item, Amount = l.Amount })],
            };
            db.Receipts.Add(receipt);
            await db.SaveChangesAsync(cancellationToken);
            await _audit.AppendAsync(await AuditEventAsync(request, receipt, cancellationToken), cancellationToken);

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return receipt;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    // One statement on both engines (PostgreSQL 9.5+, SQLite 3.35+): race-safe when the year's row is missing too.
    private async Task<int> NextAsync(int officeId, int fiscalYear, CancellationToken cancellationToken)
    {
        var values = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO receipt_sequences (office_id, fiscal_year, last_number) VALUES ({officeId}, {fiscalYear}, 1)
            ON CONFLICT (office_id, fiscal_year) DO UPDATE SET last_number = receipt_sequences.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return values.Single();
    }

    private async Task<AuditEvent> AuditEventAsync(ReceiptRequest request, Receipt receipt, CancellationToken cancellationToken)
    {
        var counter = request.CounterId is { } counterId
            ? await db.Counters.Where(c => c.Id == counterId).Select(c => (int?)c.Number).SingleOrDefaultAsync(cancellationToken)
            : null;
        var details = new Dictionary<string, string?>
        {
            ["receipt"] = receipt.Number,
            ["total"] = receipt.Total.ToString(CultureInfo.InvariantCulture),
            ["lines"] = string.Join(",", receipt.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Item}:{l.Amount}"))),
            ["ledgerDay"] = receipt.LedgerDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (request.ApplicationId is { } applicationId)
        {
            details["application"] = applicationId.ToString();
        }

        return new AuditEvent
        {
            Actor = request.Clerk,
            Counter = counter?.ToString(CultureInfo.InvariantCulture),
            ResidentCode = request.ResidentCode,
            Action = AuditAction,
            Outcome = AuditOutcomes.Succeeded,
            Details = details,
        };
    }
}
