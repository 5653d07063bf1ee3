using System.Globalization;
using CounterApp.Domain.Eras;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.AuditViewer;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CounterApp.Web.Features.DayClose;

public static class DayCloseEndpoints
{
    public static IServiceCollection AddDayClose(this IServiceCollection services)
    {
        services.AddScoped<DayOverviewQuery>();
        services.AddScoped<LedgerPdfDownload>();
        return services;
    }

    /// <summary>GET /supervisor/day/{yyyy-MM-dd}/ledger.pdf: the supervisor's office's daily fee ledger, audited.</summary>
    public static IEndpointRouteBuilder MapDayClose(this IEndpointRouteBuilder app)
    {
        app.MapGet("/supervisor/day/{day}/ledger.pdf", PrintAsync).RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Supervisor });
        return app;
    }

    /// <summary>The URL of the ledger PDF of <paramref name="day"/>.</summary>
    public static string PdfUrl(DateOnly day) => $"/supervisor/day/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/ledger.pdf";

    private static async Task<IResult> PrintAsync(string day, StaffContext staff, CounterDbContext db, LedgerPdfDownload download, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Results.Text(DayCloseText.Get("ErrorDay"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        if (date < JapaneseEra.Earliest)
        {
            return Results.Text(DayCloseText.Get("ErrorDayTooEarly"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        if (staff.OfficeId is not { } office)
        {
            return Results.Text(DayCloseText.Get("NoOffice"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict);
        }

        var counter = await AuditViewerEndpoints.CounterNumberAsync(db, staff.CounterId, cancellationToken);
        var result = await download.PrintAsync(office, date, staff.UserName, counter, cancellationToken);
        return result.Print is { } print
            ? Results.File(print.Pdf.ToArray(), "application/pdf", $"ledger-{day}.pdf")
            : Results.Text(result.Problem, "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict);
    }
}
