using CounterApp.Web.Data.Audit;

namespace CounterApp.Web.Features.Administration;

/// <summary>The audit entry of an administrator's saved change: who, what, and the setting before and after.</summary>
public static class AdminAudit
{
    public static AuditEvent Changed(string actor, string action, string? old, string now) => new()
    {
        Actor = actor,
        Action = action,
        Outcome = AuditOutcomes.Succeeded,
        Details = new Dictionary<string, string?> { ["old"] = old, ["new"] = now },
    };
}
