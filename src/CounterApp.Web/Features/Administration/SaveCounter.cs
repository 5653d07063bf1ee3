using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Administration;

/// <summary>
/// A counter as typed: <paramref name="CounterId"/> null adds one to <paramref name="OfficeId"/>. <paramref name="Expected"/>
/// is the counter the administrator saw (<see cref="OrganizationRules.Describe(Counter)"/>); ignored when adding.
/// </summary>
public sealed record SaveCounter(int OfficeId, int? CounterId, string? Number, string? Name, bool Active, string Expected, string Actor);

/// <summary>
/// Adds or edits a counter (窓口): its number (unique within the office), name and whether it is in use. A counter is
/// never deleted, because applications, receipts and reader agents refer to it: it is deactivated, and a clerk can no
/// longer choose it. One audited transaction (old → new), or nothing.
/// </summary>
public sealed class SaveCounterHandler(CounterDbContext db, AuditTrail audit)
{
    public const string AddedAction = "admin.counter.added";

    public const string ChangedAction = "admin.counter.changed";

    public async Task<AdminResult> HandleAsync(SaveCounter request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = OrganizationRules.Trimmed(request.Name);
        if (!int.TryParse(request.Number?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > OrganizationRules.MaxCounterNumber)
        {
            return AdminResult.Refused("R-X-03", "counter.number", "CounterNumberInvalid", request.Number, OrganizationRules.MaxCounterNumber);
        }

        if (!OrganizationRules.IsName(name))
        {
            return AdminResult.Refused("R-X-03", "counter.name", "NameInvalid", AdminText.Get("CounterName"), OrganizationRules.MaxNameLength);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var office = await db.Offices.Include(o => o.Counters).FirstOrDefaultAsync(o => o.Id == request.OfficeId, cancellationToken);
        if (office is null)
        {
            return AdminResult.Refused("R-X-03", "counter.office", "OfficeUnknown");
        }

        if (office.Counters.Any(c => c.Id != request.CounterId && c.Number == number))
        {
            return AdminResult.Refused("R-X-03", "counter.number", "CounterNumberDuplicate", number, office.Name);
        }

        Counter counter;
        string? old = null;
        if (request.CounterId is { } id)
        {
            counter = office.Counters.FirstOrDefault(c => c.Id == id)!;
            if (counter is null)
            {
                return AdminResult.Refused("R-X-03", "counter", "CounterUnknown");
            }

            old = OrganizationRules.Describe(counter);
            if (!string.Equals(old, request.Expected, StringComparison.Ordinal))
            {
                return AdminResult.Refused("R-X-03", "counter", "SettingsChangedMeanwhile");
            }

            counter.Number = number;
            counter.Name = name!;
            counter.Active = request.Active;
            if (string.Equals(old, OrganizationRules.Describe(counter), StringComparison.Ordinal))
            {
                return AdminResult.Done();
            }
        }
        else
        {
            counter = new Counter { OfficeId = office.Id, Number = number, Name = name!, Active = request.Active };
            db.Counters.Add(counter);
        }

        await db.SaveChangesAsync(cancellationToken);
        var details = new Dictionary<string, string?>
        {
            ["office"] = office.Code,
            ["counter"] = counter.Id.ToString(CultureInfo.InvariantCulture),
            ["new"] = OrganizationRules.Describe(counter),
        };
        if (old is not null)
        {
            details["old"] = old;
        }

        await audit.AppendAsync(
            new AuditEvent { Actor = request.Actor, Action = old is null ? AddedAction : ChangedAction, Outcome = AuditOutcomes.Succeeded, Details = details },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done(counter.Id.ToString(CultureInfo.InvariantCulture));
    }
}
