using CounterApp.Web.Features.AuditViewer;
using CounterApp.Web.Features.DayClose;

// In Hosting, beside the other app-wide wiring, so Program.cs needs no extra using.
namespace CounterApp.Web.Hosting;

public static class SupervisorPagesExtensions
{
    /// <summary>
    /// The supervisor's audit viewer (/supervisor/audit, R-X-01) and day close (/supervisor/day, R-FE-04). Needs
    /// AddCounterDatabase, AddCounterAudit, AddLedger and the voids.
    /// </summary>
    public static IHostApplicationBuilder AddSupervisorPages(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuditViewer();
        builder.Services.AddDayClose();
        return builder;
    }

    /// <summary>The pages' file endpoints: the audit CSV export and the ledger PDF.</summary>
    public static IEndpointRouteBuilder MapSupervisorPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapAuditViewer();
        app.MapDayClose();
        return app;
    }
}
