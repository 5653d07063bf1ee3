using System.Globalization;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Documents;
using CounterApp.Web.Documents.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Ledger;

/// <summary>
/// The supervisor closes an office's fee day (R-FE-04) after counting the cash. <paramref name="ExpectedTotalReviewed"/>
/// is the expected cash the supervisor saw when reviewing: if a payment or void came in since, the close is refused
/// so nobody signs a ledger they have not seen.
/// </summary>
public sealed record CloseLedgerDay(int OfficeId, DateOnly Day, int CashCounted, int ExpectedTotalReviewed, string Supervisor);

/// <summary>The closed day: its totals, and the stored ledger PDF's hash and page count.</summary>
public sealed record LedgerDayClosed(
    DateOnly Day, int ExpectedTotal, int CashCounted, int Difference, DateTimeOffset ClosedAt, string Sha256, int PageCount,
    IReadOnlyList<MissingCharacter> MissingCharacters);

/// <summary>Closed, or refused with every broken rule.</summary>
public sealed record CloseLedgerDayResult(Decision Decision, LedgerDayClosed? Closed);

/// <summary>
/// Closes the day in one transaction: the audit chain's lock first (the receipt book's order), then on PostgreSQL
/// SHARE locks on the receipt tables so no payment or void lands between the count and the close; the ledger is read,
/// printed once with the supervisor and time, stored with its SHA-256 on the ledger_days row, and audited with a keyed
/// checkpoint of the audit log that covers the entry. From then on the database refuses any change to that day
/// (0003_ledger_closed_days.sql).
/// </summary>
public sealed class CloseLedgerDayHandler(CounterDbContext db, LedgerReader reader, DocumentRenderer renderer, AuditTrail audit, AuditCheckpoints checkpoints, TimeProvider time)
{
    public const string AuditAction = "ledger.day-closed";

    public async Task<CloseLedgerDayResult> HandleAsync(CloseLedgerDay request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var staff = await StaffNames.FindAsync(db, request.Supervisor, cancellationToken);
        var broken = new List<BrokenRule>();
        if (staff is not { IsSupervisor: true })
        {
            broken.Add(new BrokenRule("R-FE-04", "supervisor", DocumentText.Format("CloseNotSupervisor", request.Supervisor)));
        }
        else if (staff.Value.User.OfficeId is { } office && office != request.OfficeId)
        {
            broken.Add(new BrokenRule("R-FE-04", "supervisor", DocumentText.Format("CloseOtherOffice", request.Supervisor)));
        }

        if (request.Day > TokyoClock.Today(time))
        {
            broken.Add(new BrokenRule("R-FE-04", "day", DocumentText.Format("CloseFutureDay", request.Day)));
        }

        if (request.CashCounted < 0)
        {
            broken.Add(new BrokenRule("R-X-03", "cashCounted", DocumentText.Format("CashCountInvalid")));
        }

        if (broken.Count > 0)
        {
            return await RefuseAsync(request, broken, cancellationToken);
        }

        LedgerDayClosed closed;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await audit.LockChainAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE receipts, receipt_lines, receipt_voids IN SHARE MODE", cancellationToken);
            }

            var row = await db.LedgerDays.SingleOrDefaultAsync(d => d.OfficeId == request.OfficeId && d.Day == request.Day, cancellationToken);
            if (row?.Status == LedgerDayStatus.Closed)
            {
                broken.Add(new BrokenRule("R-FE-04", "day", DocumentText.Format("CloseAlreadyClosed", request.Day)));
            }

            var ledger = await reader.DayAsync(request.OfficeId, request.Day, request.CashCounted, null, cancellationToken);
            if (broken.Count == 0 && ledger.Expected != request.ExpectedTotalReviewed)
            {
                broken.Add(new BrokenRule("R-FE-04", "expectedTotal", DocumentText.Format("ExpectedChanged", request.ExpectedTotalReviewed, ledger.Expected)));
            }

            if (broken.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return await RefuseAsync(request, broken, cancellationToken);
            }

            var closedAt = new DateTimeOffset(AuditChain.Stored(time.GetUtcNow()));
            var supervisor = staff!.Value.User;
            ledger = new DailyLedger(ledger.Office, ledger.Day, ledger.Receipts, ledger.Voids, request.CashCounted, new LedgerClosing(supervisor.DisplayName, closedAt));
            var pdf = renderer.Render(new DailyLedgerDocument(ledger, closedAt));

            row ??= db.LedgerDays.Add(new LedgerDay { OfficeId = request.OfficeId, Day = request.Day }).Entity;
            row.Status = LedgerDayStatus.Closed;
            row.CashCounted = request.CashCounted;
            row.ExpectedTotal = ledger.Expected;
            row.ClosedBy = supervisor.UserName;
            row.ClosedAt = closedAt.UtcDateTime;
            row.LedgerPdf = pdf.ToArray();
            row.LedgerPdfSha256 = pdf.Sha256;
            await db.SaveChangesAsync(cancellationToken);

            closed = new LedgerDayClosed(request.Day, ledger.Expected, request.CashCounted, ledger.Difference!.Value, closedAt, pdf.Sha256, pdf.PageCount, pdf.MissingCharacters);

            // The closed day is anchored at once (R-X-01): a keyed checkpoint of the log's head, this entry.
            await checkpoints.AppendAndCheckpointAsync(ClosedEvent(request, closed), AuditCheckpoints.DayClose, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new CloseLedgerDayResult(Decision.Allowed, closed);
    }

    private static AuditEvent ClosedEvent(CloseLedgerDay request, LedgerDayClosed closed)
    {
        var details = new Dictionary<string, string?>
        {
            ["office"] = request.OfficeId.ToString(CultureInfo.InvariantCulture),
            ["day"] = request.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["expected"] = closed.ExpectedTotal.ToString(CultureInfo.InvariantCulture),
            ["counted"] = closed.CashCounted.ToString(CultureInfo.InvariantCulture),
            ["difference"] = closed.Difference.ToString(CultureInfo.InvariantCulture),
            ["ledgerPdfSha256"] = closed.Sha256,
            ["pages"] = closed.PageCount.ToString(CultureInfo.InvariantCulture),
        };
        if (closed.MissingCharacters.Count > 0)
        {
            // Printed as 〓 on the stored ledger; named here so the record says which.
            details["missingCharacters"] = string.Join(" ", closed.MissingCharacters.Select(m => $"U+{m.CodePoint:X4}").Distinct().Take(40));
        }

        return new AuditEvent { Actor = request.Supervisor, Action = AuditAction, Outcome = AuditOutcomes.Succeeded, Details = details };
    }

    // A refused close is audited too (R-X-01): who tried, which day, which rules.
    private async Task<CloseLedgerDayResult> RefuseAsync(CloseLedgerDay request, List<BrokenRule> broken, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = request.Supervisor,
                Action = AuditAction,
                Outcome = AuditOutcomes.Refused,
                Details = new Dictionary<string, string?>
                {
                    ["office"] = request.OfficeId.ToString(CultureInfo.InvariantCulture),
                    ["day"] = request.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["rules"] = string.Join(",", broken.Select(b => $"{b.RuleId}:{b.Field}")),
                },
            },
            cancellationToken);
        return new CloseLedgerDayResult(new Decision(broken, []), null);
    }
}
