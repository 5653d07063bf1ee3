using System.Globalization;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Documents.Letters;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>The inquiry letter procedure (R-VI-02..05): handlers, the expiry job and GET /letters/batch.pdf.</summary>
public static class InquiryLetterExtensions
{
    public const string BatchPrintedAction = "letter.batch-printed";

    private static readonly AuthorizeAttribute CounterStaff = new() { Roles = StaffRoles.Clerk + "," + StaffRoles.Supervisor };

    /// <summary>Needs AddCounterDatabase, AddCounterAudit and AddIssuance (documents).</summary>
    public static IHostApplicationBuilder AddInquiryLetters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LetterOptions>().Bind(builder.Configuration.GetSection(LetterOptions.Section))
            .Validate(o => o.ValidDays >= 1 && o.ExpiryInterval > TimeSpan.Zero, "Letters:ValidDays must be at least 1 and Letters:ExpiryInterval positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<PrepareInquiryLetterHandler>();
        builder.Services.AddScoped<MarkLettersMailedHandler>();
        builder.Services.AddScoped<MarkLetterReturnedHandler>();
        builder.Services.AddScoped<ReissueLetterHandler>();
        builder.Services.AddScoped<ExpireLettersHandler>();
        builder.Services.AddScoped<LetterQueries>();
        builder.Services.AddHostedService<LetterExpiryService>();
        return builder;
    }

    /// <summary>GET /letters/batch.pdf?day=yyyy-MM-dd: the letters of the staff member's office mailed that day (default today), audited.</summary>
    public static WebApplication MapInquiryLetters(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/letters/batch.pdf", BatchAsync).RequireAuthorization(CounterStaff);
        return app;
    }

    private static async Task<IResult> BatchAsync(
        string? day, StaffContext staff, InquiryLetterBatch batch, CounterDbContext db, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var date = Domain.Time.TokyoClock.Today(time);
        if (day is not null && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return Results.BadRequest(LetterText.Get("BadDay"));
        }

        if (staff.OfficeId is not { } officeId)
        {
            return Results.Forbid();
        }

        var pdf = await batch.PrintMailedOnAsync(officeId, date, cancellationToken);
        if (pdf is null)
        {
            return Results.NotFound(LetterText.Get("NoBatch"));
        }

        var counter = await Issuance.IssuanceAudit.CounterAsync(db, staff.CounterId, cancellationToken);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = staff.UserName,
                Counter = counter,
                Action = BatchPrintedAction,
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?> { ["day"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            },
            cancellationToken);
        return Results.File(pdf.ToArray(), "application/pdf", $"letters-{date:yyyyMMdd}.pdf");
    }
}
