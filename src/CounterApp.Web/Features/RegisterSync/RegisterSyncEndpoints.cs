using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>
/// The register system's API, behind the shared secret: POST /api/register/events (one change event as JSON) and
/// POST /api/register/import?dryRun=true|false (the CSV export; a dry run unless dryRun=false). Every outcome is an
/// explicit status with a reason; no request gets a 500.
/// </summary>
public static partial class RegisterSyncEndpoints
{
    public static IEndpointRouteBuilder MapRegisterSync(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/register").AddEndpointFilter<RegisterApiKeyFilter>().DisableAntiforgery().AllowAnonymous(); // the register system signs in with its shared key
        group.MapPost("/events", EventAsync);
        group.MapPost("/import", ImportAsync);
        return app;
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The register API never answers 500: anything unforeseen is logged and answered 503 with a reason, so the sender retries.")]
    private static async Task<IResult> EventAsync(HttpContext http, RegisterEventApplier applier, IOptions<RegisterSyncOptions> options, ILoggerFactory loggers)
    {
        try
        {
            if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return RegisterSyncResults.Problem(StatusCodes.Status415UnsupportedMediaType, "NotJson", "body", RegisterValues.Message("EventContentType"));
            }

            var body = await ReadBodyAsync(http.Request.Body, options.Value.MaxEventBytes, http.RequestAborted);
            if (body is null)
            {
                return RegisterSyncResults.Problem(StatusCodes.Status413PayloadTooLarge, "TooLarge", "body", RegisterValues.Message("EventTooLarge", options.Value.MaxEventBytes));
            }

            if (!RegisterEventParser.TryParse(body.Value, out var change, out var problem))
            {
                return RegisterSyncResults.Problem(StatusCodes.Status400BadRequest, "Invalid", problem!.Field, problem.Message);
            }

            var result = await applier.ApplyAsync(change!, http.RequestAborted);
            return result.Status switch
            {
                RegisterEventStatus.Applied => Results.Ok(new { status = "applied", eventId = change!.EventId, revocationRequests = result.RevocationRequests }),
                RegisterEventStatus.AlreadyApplied => Results.Ok(new { status = "already-applied", eventId = change!.EventId, revocationRequests = 0 }),
                RegisterEventStatus.ResidentNotFound or RegisterEventStatus.CardNotFound =>
                    RegisterSyncResults.Problem(StatusCodes.Status404NotFound, result.Status.ToString(), result.Field, result.Message!),
                RegisterEventStatus.EventIdReused or RegisterEventStatus.CardNumberTaken or RegisterEventStatus.ChipSerialTaken =>
                    RegisterSyncResults.Problem(StatusCodes.Status409Conflict, result.Status.ToString(), result.Field, result.Message!),
                _ => RegisterSyncResults.Problem(StatusCodes.Status503ServiceUnavailable, result.Status.ToString(), null, result.Message!),
            };
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception e)
        {
            LogUnexpected(loggers.CreateLogger(typeof(RegisterSyncEndpoints)), "event", e);
            return RegisterSyncResults.Problem(StatusCodes.Status503ServiceUnavailable, "Unexpected", null, RegisterValues.Message("Unexpected"));
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The register API never answers 500: anything unforeseen is logged and answered 503 with a reason.")]
    private static async Task<IResult> ImportAsync(HttpContext http, RegisterImport import, IOptions<RegisterSyncOptions> options, ILoggerFactory loggers)
    {
        try
        {
            var dryRunText = http.Request.Query["dryRun"].ToString();
            bool dryRun;
            if (dryRunText.Length == 0)
            {
                dryRun = true;
            }
            else if (!bool.TryParse(dryRunText, out dryRun))
            {
                return RegisterSyncResults.Problem(StatusCodes.Status400BadRequest, "Invalid", "dryRun", RegisterValues.Message("DryRunValue", "dryRun"));
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = options.Value.MaxImportBytes + 1;
            }

            var report = await import.ImportAsync(http.Request.Body, dryRun, http.RequestAborted);
            return report.Errors.Count == 0 ? Results.Ok(report) : Results.UnprocessableEntity(report);
        }
        catch (BadHttpRequestException e)
        {
            return RegisterSyncResults.Problem(e.StatusCode, "BadRequest", "body", RegisterValues.Message("ImportBodyRefused", e.StatusCode));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception e)
        {
            LogUnexpected(loggers.CreateLogger(typeof(RegisterSyncEndpoints)), "import", e);
            return RegisterSyncResults.Problem(StatusCodes.Status503ServiceUnavailable, "Unexpected", null, RegisterValues.Message("Unexpected"));
        }
    }

    // Reads at most limit bytes; null when the body is longer.
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        // Not a conditional expression: null would convert to an empty Memory<byte> through byte[].
        if (total > limit)
        {
            return null;
        }

        return new ReadOnlyMemory<byte>(buffer, 0, total);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Register {Call} failed unexpectedly; answered 503")]
    private static partial void LogUnexpected(ILogger logger, string call, Exception exception);
}
