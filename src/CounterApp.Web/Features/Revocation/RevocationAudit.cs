using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.Issuance;

namespace CounterApp.Web.Features.Revocation;

/// <summary>The audit entries of a revocation (R-X-01): who, which counter, which resident, what, how it ended.</summary>
internal static class RevocationAudit
{
    public static Task<string?> CounterAsync(CounterDbContext db, int? counterId, CancellationToken cancellationToken) =>
        IssuanceAudit.CounterAsync(db, counterId, cancellationToken);

    public static AuditEvent Event(
        string actor, string? counter, string? residentCode, Guid? applicationId, string action, string outcome, params (string Key, string? Value)[] details)
    {
        var all = details.ToDictionary(d => d.Key, d => d.Value);
        if (applicationId is { } id)
        {
            all["application"] = id.ToString();
        }

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

    public static AuditEvent Event(RevocationContext context, string action, string outcome, params (string Key, string? Value)[] details) =>
        Event(context.Request.Actor, context.Counter, context.ResidentCode, context.Record.Id, action, outcome, details);
}
