using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Rules;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Concurrency;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>An application as loaded for a step: its row (tracked, with history), its resident, its receipt, and the domain object.</summary>
public sealed record LoadedApplication(ApplicationRecord Record, ResidentRecord Resident, Receipt? Receipt, Application Application);

/// <summary>
/// Between <see cref="ApplicationRecord"/> (+ history rows, receipt) and the domain <see cref="Application"/>: load rebuilds
/// it through <see cref="Application.Restore"/>; <see cref="Apply"/> writes back the state, serial, refusal, obligations
/// and appends the new history rows. The record's Version guards the save (another clerk's change is a conflict).
/// </summary>
public static class ApplicationMapper
{
    private const char Separator = ',';

    /// <summary>The application, tracked, or null when there is none with this id.</summary>
    public static async Task<LoadedApplication?> LoadAsync(CounterDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var record = await db.Applications.Include(a => a.History).Include(a => a.Resident).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (record?.Resident is null)
        {
            return null;
        }

        var receipt = await db.Receipts.Include(r => r.Lines).Include(r => r.Void)
            .Where(r => r.ApplicationId == id)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new LoadedApplication(record, record.Resident, receipt, ToDomain(record, record.Resident.ResidentCode, receipt));
    }

    public static Application ToDomain(ApplicationRecord record, string residentCode, Receipt? receipt)
    {
        ArgumentNullException.ThrowIfNull(record);
        var history = record.History.OrderBy(h => h.Sequence)
            .Select(h => new StateChange(h.FromState, h.ToState, Instant(h.At), h.By, h.Note))
            .ToList();
        return Application.Restore(
            record.Id,
            record.Procedure,
            record.Applicant,
            residentCode,
            record.State,
            history,
            receipt is null ? null : ToPayment(receipt),
            record.IssuedSerial,
            Split(record.RefusedFor).Select(id => new BrokenRule(id, string.Empty, string.Empty)),
            Split(record.Outstanding).Select(Enum.Parse<Obligation>),
            record.IssuanceRequestId is { } request ? new IssuanceIntent(request, record.IssuanceCardNumber ?? "", record.IssuanceKeySha256 ?? "") : null);
    }

    /// <summary>
    /// Saves the domain object into its tracked row (in the caller's transaction): first the row itself, so a change
    /// another clerk saved since the load is a conflict (Version) before anything else is written; then the history
    /// it gained. On a conflict nothing of this application is written.
    /// </summary>
    public static async Task<SaveResult> SaveAsync(CounterDbContext db, Application application, ApplicationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ApplyState(application, record);
        var saved = await db.SaveOrConflictAsync(cancellationToken: cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }

        AppendHistory(application, record);
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }

    /// <summary>Writes the domain object's state into the row and appends the history it gained (a new row: no conflict to check).</summary>
    public static void Apply(Application application, ApplicationRecord record)
    {
        ApplyState(application, record);
        AppendHistory(application, record);
    }

    private static void ApplyState(Application application, ApplicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(record);
        record.State = application.State;
        record.IssuedSerial = application.IssuedSerial;
        record.IssuanceRequestId = application.Intent?.RequestId;
        record.IssuanceCardNumber = application.Intent?.CardNumber;
        record.IssuanceKeySha256 = application.Intent?.PublicKeySha256;
        record.RefusedFor = Join(application.RefusedFor.Select(b => b.RuleId).Distinct());
        record.Outstanding = Join(application.Outstanding.Order().Select(o => o.ToString()));
    }

    private static void AppendHistory(Application application, ApplicationRecord record)
    {
        var saved = record.History.Count;
        for (var i = saved; i < application.History.Count; i++)
        {
            var change = application.History[i];
            record.History.Add(new ApplicationStateChange
            {
                ApplicationId = record.Id,
                Sequence = i + 1,
                FromState = change.From,
                ToState = change.To,
                At = AuditChain.Stored(change.At),
                By = change.By,
                Note = change.Note,
            });
        }
    }

    /// <summary>The payment a receipt records (its number, lines, clerk, time and void).</summary>
    public static Payment ToPayment(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        // The printed number is office-fiscalYear-sequence; the office code is everything before the last two parts.
        var officeCode = receipt.Number[..receipt.Number.LastIndexOf('-', receipt.Number.LastIndexOf('-') - 1)];
        var payment = new Payment(
            new ReceiptNumber(officeCode, receipt.FiscalYear, receipt.Sequence),
            receipt.Lines.OrderBy(l => l.Id).Select(l => new FeeLine(l.Item, l.Amount)).ToList(),
            receipt.Clerk,
            Instant(receipt.PaidAt));
        return receipt.Void is { } v
            ? payment with { Void = new PaymentVoid(v.Kind, v.Reason, v.RequestedBy, v.ApprovedBy, Instant(v.At)) }
            : payment;
    }

    private static DateTimeOffset Instant(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static string[] Split(string? list) =>
        list is { Length: > 0 } ? list.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    private static string? Join(IEnumerable<string> values)
    {
        var text = string.Join(Separator, values);
        return text.Length == 0 ? null : text;
    }
}
