using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.RulesDemo;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.Administration;

/// <summary>One procedure's last acceptance moment as typed: both empty = no end; a date needs a time and the other way round.</summary>
public sealed record LastAcceptanceInput(Procedure Procedure, string? Date, string? Time);

/// <summary>The new moments; <paramref name="Expected"/> is what the administrator saw (<see cref="SaveLastAcceptanceHandler.Describe"/>).</summary>
public sealed record SaveLastAcceptance(IReadOnlyList<LastAcceptanceInput> Moments, string Expected, string Actor);

/// <summary>
/// R-EL-06: an administrator sets, per procedure, the last moment (Tokyo wall-clock) it is accepted, or clears it. The
/// rows in the settings table replace the configuration's moments (an emptied one removes the configured moment too);
/// the eligibility check reads them through <see cref="AdminSettings.LastAcceptanceAsync"/>. Saved whole and audited.
/// </summary>
public sealed class SaveLastAcceptanceHandler(CounterDbContext db, AuditTrail audit, IOptions<CounterSettings> settings)
{
    public const string AuditAction = "admin.last-acceptance.changed";

    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    public static readonly DateOnly LatestDay = new(2099, 12, 31);

    /// <summary>"NewIssuance=none, Renewal=2015-12-25T17:00" for every procedure the check runs for.</summary>
    public static string Describe(IReadOnlyDictionary<Procedure, DateTime> moments)
    {
        ArgumentNullException.ThrowIfNull(moments);
        return string.Join(", ", AdminSettings.LastAcceptanceProcedures.Select(p =>
            $"{p}={(moments.TryGetValue(p, out var at) ? AdminSettings.FormatMoment(at) : "none")}"));
    }

    public Task<IReadOnlyDictionary<Procedure, DateTime>> CurrentAsync(CancellationToken cancellationToken = default) =>
        AdminSettings.LastAcceptanceAsync(db, settings.Value.LastAcceptance, cancellationToken);

    public async Task<AdminResult> HandleAsync(SaveLastAcceptance request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var typed = new Dictionary<Procedure, DateTime?>();
        foreach (var input in request.Moments)
        {
            if (!AdminSettings.LastAcceptanceProcedures.Contains(input.Procedure))
            {
                return AdminResult.Refused("R-EL-06", "lastAcceptance", "LastAcceptanceProcedureUnknown", input.Procedure);
            }

            var name = AdminText.Get("Procedure_" + input.Procedure);
            var date = input.Date?.Trim();
            var time = input.Time?.Trim();
            if (string.IsNullOrEmpty(date) && string.IsNullOrEmpty(time))
            {
                typed[input.Procedure] = null;
                continue;
            }

            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day < EarliestDay || day > LatestDay)
            {
                return AdminResult.Refused("R-EL-06", $"lastAcceptance.{input.Procedure}.date", "LastAcceptanceDateInvalid", name, date);
            }

            if (!TimeOnly.TryParseExact(time, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                return AdminResult.Refused("R-EL-06", $"lastAcceptance.{input.Procedure}.time", "LastAcceptanceTimeInvalid", name, time);
            }

            typed[input.Procedure] = day.ToDateTime(clock);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.LockChainAsync(cancellationToken);
        var current = await CurrentAsync(cancellationToken);
        var old = Describe(current);
        if (!string.Equals(old, request.Expected, StringComparison.Ordinal))
        {
            return AdminResult.Refused("R-EL-06", "lastAcceptance", "SettingsChangedMeanwhile");
        }

        var updated = new Dictionary<Procedure, DateTime>(current);
        foreach (var (procedure, moment) in typed)
        {
            if (moment is { } at)
            {
                updated[procedure] = at;
            }
            else
            {
                updated.Remove(procedure);
            }
        }

        var now = Describe(updated);
        if (string.Equals(old, now, StringComparison.Ordinal))
        {
            return AdminResult.Done(now);
        }

        foreach (var procedure in typed.Keys)
        {
            await AdminSettings.SetAsync(
                db, AdminSettings.LastAcceptancePrefix + procedure, updated.TryGetValue(procedure, out var at) ? AdminSettings.FormatMoment(at) : string.Empty, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(AdminAudit.Changed(request.Actor, AuditAction, old, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Done(now);
    }
}
