namespace CounterApp.Web.Features.CancelApplication;

public static class CancelApplicationExtensions
{
    /// <summary>Withdrawing (取り下げ) an open application. Needs AddCounterDatabase, AddCounterAudit and AddIssuance.</summary>
    public static IHostApplicationBuilder AddCancelApplication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CancelApplicationHandler>();
        return builder;
    }
}
