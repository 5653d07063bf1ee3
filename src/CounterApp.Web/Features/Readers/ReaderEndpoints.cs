using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
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

    /// <summary>True for the state endpoint's path (background polling, which must not extend an idle session).</summary>
    public static bool IsStatePoll(PathString path) =>
        path.StartsWithSegments("/api/counters", StringComparison.OrdinalIgnoreCase, out var rest)
        && rest.Value is { } tail && tail.EndsWith("/reader", StringComparison.OrdinalIgnoreCase) && tail.Count(c => c == '/') == 2;

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/counters/{counterId:int}/reader", GetState).RequireAuthorization(StaffOnly);
        app.MapPost("/counters/{counterId:int}/reader/simulated/insert", InsertAsync).RequireAuthorization(CounterStaff).WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapPost("/counters/{counterId:int}/reader/simulated/remove", RemoveAsync).RequireAuthorization(CounterStaff).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    /// <summary>GET /api/counters/{counterId}/reader: the reader's state as <see cref="ReaderStateView"/>, never cached.</summary>
    internal static IResult GetState(int counterId, ICounterReaders readers, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(ReaderStateView.Of(readers.StateOf(counterId)));
    }

    private static async Task<IResult> InsertAsync(int counterId, HttpContext http, SimulatedReaderHandler handler, CancellationToken cancellationToken)
    {
        if (await ReadFormAsync(http, cancellationToken) is not { } form)
        {
            return TypedResults.BadRequest();
        }

        var actor = http.User.Identity?.Name ?? throw new InvalidOperationException("The endpoint requires a signed-in member of staff.");
        var outcome = long.TryParse(form["cardId"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? await handler.InsertAsync(counterId, id, actor, cancellationToken)
            : SimulatedReaderOutcome.UnknownCard;
        return TypedResults.LocalRedirect(WithOutcome(form["returnUrl"], outcome));
    }

    private static async Task<IResult> RemoveAsync(int counterId, HttpContext http, SimulatedReaderHandler handler, CancellationToken cancellationToken)
    {
        if (await ReadFormAsync(http, cancellationToken) is not { } form)
        {
            return TypedResults.BadRequest();
        }

        var actor = http.User.Identity?.Name ?? throw new InvalidOperationException("The endpoint requires a signed-in member of staff.");
        var outcome = await handler.RemoveAsync(counterId, actor, cancellationToken);
        return TypedResults.LocalRedirect(WithOutcome(form["returnUrl"], outcome));
    }

    /// <summary>
    /// The posted form, or null when it is not a form or its antiforgery token failed (checked by UseAntiforgery, as the
    /// endpoint requires it): a plain 400 then, where form binding would throw and end in a 500.
    /// </summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http, CancellationToken cancellationToken)
    {
        // The feature first: with a failed token, even asking whether the body is a form throws.
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true } || !http.Request.HasFormContentType)
        {
            // No re-executed status page: it would run this failed form through the antiforgery check again and throw.
            if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            return null;
        }

        return await http.Request.ReadFormAsync(cancellationToken);
    }

    /// <summary>The local page to go back to (the site root for anything else), with the outcome in its query.</summary>
    internal static string WithOutcome(string? returnUrl, SimulatedReaderOutcome outcome)
    {
        return QueryHelpers.AddQueryString(WithoutOutcome(LocalUrl.OrHome(returnUrl)), OutcomeQuery, outcome.ToString());
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
