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

    /// <summary>
    /// GET /supervisor/day/{yyyy-MM-dd}/ledger.pdf: the supervisor's office's daily fee ledger; .../month.pdf: the
    /// monthly summary (手数料月計表) of the month holding that day. Both audited.
    /// </summary>
    public static IEndpointRouteBuilder MapDayClose(this IEndpointRouteBuilder app)
    {
        app.MapGet("/supervisor/day/{day}/ledger.pdf", PrintAsync).RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Supervisor });
        app.MapGet("/supervisor/day/{day}/month.pdf", PrintMonthAsync).RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Supervisor });
        return app;
    }

    /// <summary>The URL of the ledger PDF of <paramref name="day"/>.</summary>
    public static string PdfUrl(DateOnly day) => $"/supervisor/day/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/ledger.pdf";

    /// <summary>The URL of the monthly summary PDF of the month holding <paramref name="day"/>.</summary>
    public static string MonthPdfUrl(DateOnly day) => $"/supervisor/day/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/month.pdf";

    private static async Task<IResult> PrintMonthAsync(string day, StaffContext staff, CounterDbContext db, LedgerPdfDownload download, CancellationToken cancellationToken)
    {
        if (Refusal(day, staff, out var date) is { } refused)
        {
            return refused;
        }

        var counter = await AuditViewerEndpoints.CounterNumberAsync(db, staff.CounterId, cancellationToken);
        var pdf = await download.PrintMonthAsync(staff.OfficeId!.Value, date, staff.UserName, counter, cancellationToken);
        return Results.File(pdf.ToArray(), "application/pdf", $"month-{date.ToString("yyyy-MM", CultureInfo.InvariantCulture)}.pdf");
    }

    /// <summary>A 400 for a day that is not a date (or before 1873), a 409 for staff without an office; else null.</summary>
    private static IResult? Refusal(string day, StaffContext staff, out DateOnly date)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return Results.Text(DayCloseText.Get("ErrorDay"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        if (date < JapaneseEra.Earliest)
        {
            return Results.Text(DayCloseText.Get("ErrorDayTooEarly"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        return staff.OfficeId is null
            ? Results.Text(DayCloseText.Get("NoOffice"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict)
            : null;
    }

    private static async Task<IResult> PrintAsync(string day, StaffContext staff, CounterDbContext db, LedgerPdfDownload download, CancellationToken cancellationToken)
    {
        if (Refusal(day, staff, out var date) is { } refused)
        {
            return refused;
        }

        var office = staff.OfficeId!.Value;
        var counter = await AuditViewerEndpoints.CounterNumberAsync(db, staff.CounterId, cancellationToken);
        var result = await download.PrintAsync(office, date, staff.UserName, counter, cancellationToken);
        return result.Print is { } print
            ? Results.File(print.Pdf.ToArray(), "application/pdf", $"ledger-{day}.pdf")
            : Results.Text(result.Problem, "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict);
    }
}
