using System.Globalization;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Administration;

/// <summary>
/// The new fee schedule as typed (yen per item); <paramref name="Expected"/> is the schedule the administrator saw
/// (<see cref="SaveFeesHandler.Describe"/>), so a change made meanwhile is not overwritten.
/// </summary>
public sealed record SaveFees(IReadOnlyDictionary<FeeItem, string?> Amounts, string Expected, string Actor);

/// <summary>
/// R-FE-01: an administrator sets the fee schedule. Every item needs a whole number of yen from 0 to
/// <see cref="MaxAmount"/>; the schedule is saved whole in one audited transaction (old → new), or not at all.
/// </summary>
public sealed class SaveFeesHandler(CounterDbContext db, AuditTrail audit)
{
    public const string AuditAction = "admin.fees.changed";

    public const int MaxAmount = 100_000;

    /// <summary>The schedule as the audit and the concurrency check write it: "CertificateIssuance=500, …".</summary>
    public static string Describe(IReadOnlyDictionary<FeeItem, int> fees) =>
        string.Join(", ", Enum.GetValues<FeeItem>().Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}={fees[i]}")));

    /// <summary>The amounts in effect: the Fees table, or the default for an item without a row (as the counter reads them).</summary>
    public static async Task<Dictionary<FeeItem, int>> CurrentAsync(CounterDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Fees.AsNoTracking().ToDictionaryAsync(f => f.Item, f => f.Amount, cancellationToken);
        return Enum.GetValues<FeeItem>().ToDictionary(i => i, i => rows.TryGetValue(i, out var amount) ? amount : FeeSchedule.Default.AmountOf(i));
    }

    public async Task<AdminResult> HandleAsync(SaveFees request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var updated = new Dictionary<FeeItem, int>();
        foreach (var item in Enum.GetValues<FeeItem>())
        {
            var text = request.Amounts.GetValueOrDefault(item)?.Trim().Replace(",", string.Empty, StringComparison.Ordinal);
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) || amount < 0 || amount > MaxAmount)
            {
                return AdminResult.Refused("R-FE-01", $"fees.{item}", "FeeInvalid", AdminText.Get("Fee_" + item), MaxAmount.ToString("N0", CultureInfo.CurrentCulture));
            }

            updated[item] = amount;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var current = await CurrentAsync(db, cancellationToken);
        var old = Describe(current);
        if (!string.Equals(old, request.Expected, StringComparison.Ordinal))
        {
            return AdminResult.Refused("R-FE-01", "fees", "FeesChangedMeanwhile");
        }

        var rows = await db.Fees.ToListAsync(cancellationToken);
        foreach (var (item, amount) in updated)
        {
            var row = rows.FirstOrDefault(r => r.Item == item);
            if (row is null)
            {
                db.Fees.Add(new FeeRecord { Item = item, Amount = amount });
            }
            else
            {
                row.Amount = amount;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var now = Describe(updated);
        await audit.AppendAsync(AdminAudit.Changed(request.Actor, AuditAction, old, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done(now);
    }
}
