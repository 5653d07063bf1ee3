using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Hosting;

public static class HealthEndpoint
{
    /// <summary>GET /health: 200 with the provider and applied schema version when the database answers, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapCounterHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (CounterDbContext db, Data.Schema.SchemaMigrator migrator, CancellationToken cancellationToken) =>
        {
            try
            {
                var versions = await migrator.AppliedVersionsAsync(cancellationToken);
                var offices = await db.Offices.CountAsync(cancellationToken);
                return Results.Ok(new { status = "ok", provider = db.Database.ProviderName, schemaVersion = versions.Keys.DefaultIfEmpty(0).Max(), offices });
            }
            catch (System.Data.Common.DbException e)
            {
                return Results.Json(new { status = "unavailable", reason = e.GetType().Name }, statusCode: 503);
            }
        }).AllowAnonymous();
        return app;
    }
}
