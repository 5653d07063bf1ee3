using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

/// <summary>The audit entries of the issuance steps (R-X-01): who, which counter, which resident, what, how it ended.</summary>
internal static class IssuanceAudit
{
    /// <summary>The counter's number as the audit shows it ("2"), or null when none was chosen.</summary>
    public static async Task<string?> CounterAsync(CounterDbContext db, int? counterId, CancellationToken cancellationToken)
    {
        if (counterId is not { } id)
        {
            return null;
        }

        var number = await db.Counters.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.Number).SingleOrDefaultAsync(cancellationToken);
        return number?.ToString(CultureInfo.InvariantCulture);
    }

    public static AuditEvent Event(
        string actor, string? counter, string? residentCode, Guid applicationId, string action, string outcome, params (string Key, string? Value)[] details)
    {
        var all = details.ToDictionary(d => d.Key, d => d.Value);
        all["application"] = applicationId.ToString();
        return new AuditEvent
        {
            Actor = actor,
            Counter = counter,
            ResidentCode = residentCode,
            Action = action,
            Outcome = outcome,
            Details = all,
        };
    }

    public static AuditEvent Event(string actor, string? counter, LoadedApplication loaded, string action, string outcome, params (string Key, string? Value)[] details) =>
        Event(actor, counter, loaded.Resident.ResidentCode, loaded.Record.Id, action, outcome, details);

    public static string Rules(IEnumerable<Domain.Rules.BrokenRule> rules) => string.Join(",", rules.Select(r => r.RuleId).Distinct());
}
