namespace CounterApp.Web.Features.Administration;

public static class AdministrationExtensions
{
    /// <summary>The administrator's settings editors (hours, 休日開庁日, …). Needs AddCounterDatabase and AddCounterAudit.</summary>
    public static IHostApplicationBuilder AddAdministration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SaveOfficeHoursHandler>();
        builder.Services.AddScoped<HolidayOpeningDaysHandler>();
        builder.Services.AddScoped<SaveFeesHandler>();
        builder.Services.AddScoped<ReaderAgentsHandler>();
        builder.Services.AddScoped<SaveIdentityDocumentsHandler>();
        builder.Services.AddScoped<SaveMunicipalityHandler>();
        builder.Services.AddScoped<SaveOfficeHandler>();
        builder.Services.AddScoped<SaveCounterHandler>();
        builder.Services.AddScoped<SavePeriodsHandler>();
        builder.Services.AddScoped<SaveLastAcceptanceHandler>();
        return builder;
    }
}
