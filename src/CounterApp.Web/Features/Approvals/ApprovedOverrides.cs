using CounterApp.Domain.Rules;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Approvals;

/// <summary>The supervisor overrides approved for an application, as the Domain takes them (rule, supervisor, reason).</summary>
public static class ApprovedOverrides
{
    public static async Task<IReadOnlyList<SupervisorOverride>> ForAsync(CounterDbContext db, Guid applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<OverrideRequestRecord>().AsNoTracking()
            .Where(o => o.ApplicationId == applicationId && o.State == OverrideRequestState.Approved)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(o => new SupervisorOverride(o.RuleId, o.DecidedBy!, o.DecisionReason ?? o.Reason))];
    }

    /// <summary>The overrides a decision used, for an audit entry: "R-HR-03:R-HR-01:supervisor2".</summary>
    public static string? Describe(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Overrides.Count == 0
            ? null
            : string.Join(",", decision.Overrides.Select(o => $"{o.OverrideRuleId}:{o.SetAside.RuleId}:{o.Supervisor}"));
    }
}
