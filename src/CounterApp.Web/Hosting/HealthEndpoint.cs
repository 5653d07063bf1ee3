using CounterApp.Web.Data;

namespace CounterApp.Web.Hosting;

public static class HealthEndpoint
{
    /// <summary>GET /health: 200 with the database's engine and journal mode when it answers, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapCounterHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (CounterDatabase database) =>
        {
            try
            {
                var (version, mode) = database.Describe();
                return Results.Ok(new { status = "ok", database = "sqlite", version, journalMode = mode });
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                return Results.Json(new { status = "unavailable", reason = e.SqliteErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture) }, statusCode: 503);
            }
        });
        return app;
    }
}
