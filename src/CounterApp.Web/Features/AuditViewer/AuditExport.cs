using CounterApp.Web.Data.Audit;

namespace CounterApp.Web.Features.AuditViewer;

/// <summary>
/// Exports the filtered audit log as CSV (R-X-01). The export is itself audited first — who exported which filter — so
/// an export that fails half-way is still on record.
/// </summary>
public sealed class AuditExport(AuditSearch search, AuditTrail audit)
{
    public const string AuditAction = "audit.exported";

    public async Task WriteAsync(AuditFilter filter, string actor, string? counter, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = actor,
                Counter = counter,
                ResidentCode = filter.ResidentCode,
                Action = AuditAction,
                Outcome = AuditOutcomes.Succeeded,
                Details = filter.ToDetails().Where(d => d.Value is not null).ToDictionary(),
            },
            cancellationToken);
        await AuditCsv.WriteAsync(output, search.AllAsync(filter), cancellationToken);
    }
}
