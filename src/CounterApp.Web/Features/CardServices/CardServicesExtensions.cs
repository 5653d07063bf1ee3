namespace CounterApp.Web.Features.CardServices;

public static class CardServicesExtensions
{
    /// <summary>
    /// Card services at the counter (R-CA-01..03, R-PX-03): unlock, password change and card PIN reset. Needs
    /// AddCounterDatabase, AddCounterAudit, AddCardSession and the readers.
    /// </summary>
    public static IHostApplicationBuilder AddCardServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CardServiceCheck>();
        builder.Services.AddScoped<UnlockCertificateHandler>();
        builder.Services.AddScoped<ChangePasswordHandler>();
        builder.Services.AddScoped<ResetCardPinHandler>();
        return builder;
    }
}
