using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.AuditViewer;

public static class AuditViewerEndpoints
{
    /// <summary>Supervisors and administrators read the audit log.</summary>
    public const string Roles = StaffRoles.Supervisor + "," + StaffRoles.Administrator;

    public static IServiceCollection AddAuditViewer(this IServiceCollection services)
    {
        services.AddScoped<AuditSearch>();
        services.AddScoped<AuditExport>();
        services.AddScoped<AuditChainCheck>();
        return services;
    }

    /// <summary>GET /supervisor/audit/export.csv?from=&amp;to=&amp;resident=&amp;actor=&amp;action=: the filtered log as CSV, audited.</summary>
    public static IEndpointRouteBuilder MapAuditViewer(this IEndpointRouteBuilder app)
    {
        app.MapGet("/supervisor/audit/export.csv", ExportAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Roles });
        return app;
    }

    /// <summary>The audited counter number of the signed-in member of staff, when one is chosen.</summary>
    public static async Task<string?> CounterNumberAsync(CounterDbContext db, int? counterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (counterId is not { } id)
        {
            return null;
        }

        var number = await db.Counters.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.Number).FirstOrDefaultAsync(cancellationToken);
        return number?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IResult> ExportAsync(
        string? from, string? to, string? resident, string? actor, string? action,
        StaffContext staff, CounterDbContext db, AuditExport export, TimeProvider time, CancellationToken cancellationToken)
    {
        var (filter, errors) = AuditFilterInput.Parse(from, to, resident, actor, action);
        if (errors.Count > 0)
        {
            return Results.Text(string.Join("\n", errors.Select(e => e.Message)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var counter = await CounterNumberAsync(db, staff.CounterId, cancellationToken);
        var user = staff.UserName;
        var stamp = Domain.Time.TokyoClock.Now(time).ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return Results.Stream(
            stream => export.WriteAsync(filter, user, counter, stream, cancellationToken),
            "text/csv; charset=utf-8",
            $"audit-{stamp}.csv");
    }
}
