using CounterApp.Web.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace CounterApp.Web.Features.Readers;

/// <summary>
/// The readers' HTTP surface: the live state for the header's poller (any staff role), and the simulation panel's
/// form posts (Clerk and Supervisor; antiforgery-checked, as every form-bound minimal API is). The posts answer with a
/// redirect back to the page, adding <see cref="OutcomeQuery"/> so the panel can say what happened.
/// </summary>
public static class ReaderEndpoints
{
    /// <summary>The query parameter carrying a <see cref="SimulatedReaderOutcome"/> back to the page.</summary>
    public const string OutcomeQuery = "simulatedReader";

    private static readonly AuthorizeAttribute StaffOnly = new() { Roles = $"{StaffRoles.Clerk},{StaffRoles.Supervisor},{StaffRoles.Administrator}" };
    private static readonly AuthorizeAttribute CounterStaff = new() { Roles = $"{StaffRoles.Clerk},{StaffRoles.Supervisor}" };

    public static string StatePath(int counterId) => FormattableString.Invariant($"/api/counters/{counterId}/reader");

    public static string InsertPath(int counterId) => FormattableString.Invariant($"/counters/{counterId}/reader/simulated/insert");

    public static string RemovePath(int counterId) => FormattableString.Invariant($"/counters/{counterId}/reader/simulated/remove");

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/counters/{counterId:int}/reader", GetState).RequireAuthorization(StaffOnly);
        app.MapPost("/counters/{counterId:int}/reader/simulated/insert", InsertAsync).RequireAuthorization(CounterStaff);
        app.MapPost("/counters/{counterId:int}/reader/simulated/remove", RemoveAsync).RequireAuthorization(CounterStaff);
    }

    /// <summary>GET /api/counters/{counterId}/reader: the reader's state as <see cref="ReaderStateView"/>, never cached.</summary>
    internal static IResult GetState(int counterId, ICounterReaders readers, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(ReaderStateView.Of(readers.StateOf(counterId)));
    }

    private static async Task<IResult> InsertAsync(
        int counterId, [FromForm] string? cardId, [FromForm] string? returnUrl, HttpContext http, SimulatedReaderHandler handler, CancellationToken cancellationToken)
    {
        if (http.User.Identity?.Name is not { Length: > 0 } actor)
        {
            return TypedResults.Forbid();
        }

        var outcome = long.TryParse(cardId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? await handler.InsertAsync(counterId, id, actor, cancellationToken)
            : SimulatedReaderOutcome.UnknownCard;
        return TypedResults.LocalRedirect(WithOutcome(returnUrl, outcome));
    }

    private static async Task<IResult> RemoveAsync(int counterId, [FromForm] string? returnUrl, HttpContext http, SimulatedReaderHandler handler, CancellationToken cancellationToken)
    {
        if (http.User.Identity?.Name is not { Length: > 0 } actor)
        {
            return TypedResults.Forbid();
        }

        var outcome = await handler.RemoveAsync(counterId, actor, cancellationToken);
        return TypedResults.LocalRedirect(WithOutcome(returnUrl, outcome));
    }

    /// <summary>The local page to go back to (the site root for anything else), with the outcome in its query.</summary>
    internal static string WithOutcome(string? returnUrl, SimulatedReaderOutcome outcome)
    {
        var local = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
        return QueryHelpers.AddQueryString(WithoutOutcome(local), OutcomeQuery, outcome.ToString());
    }

    /// <summary>A local URL without a previous outcome (so posting twice does not stack them).</summary>
    public static string WithoutOutcome(string localUrl)
    {
        ArgumentNullException.ThrowIfNull(localUrl);
        var fragment = localUrl.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = fragment < 0 ? localUrl : localUrl[..fragment];
        var question = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return withoutFragment;
        }

        var path = withoutFragment[..question];
        var kept = QueryHelpers.ParseQuery(withoutFragment[question..])
            .Where(p => !p.Key.Equals(OutcomeQuery, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(path, kept);
    }
}
